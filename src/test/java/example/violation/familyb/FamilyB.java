package example.violation.familyb;

import example.violation.familya.FamilyA;

/** Uses another family: the violation the module test must catch. */
public class FamilyB {
    FamilyA other = new FamilyA();
}
