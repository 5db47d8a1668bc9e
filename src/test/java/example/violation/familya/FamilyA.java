package example.violation.familya;

import example.violation.kit.Kit;

/** Uses the kit: allowed. */
public class FamilyA {
    Kit kit = new Kit();
}
