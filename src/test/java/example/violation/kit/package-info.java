/** The kit both families may use. */
@ApplicationModule(allowedDependencies = {})
package example.violation.kit;

import org.springframework.modulith.ApplicationModule;
