/** A family that may use the kit only. */
@ApplicationModule(allowedDependencies = {"kit"})
package example.violation.familya;

import org.springframework.modulith.ApplicationModule;
