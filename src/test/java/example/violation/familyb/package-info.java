/** A family that may use the kit only, yet imports family A. */
@ApplicationModule(allowedDependencies = {"kit"})
package example.violation.familyb;

import org.springframework.modulith.ApplicationModule;
