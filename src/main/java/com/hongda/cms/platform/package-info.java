/**
 * What running the service on a real database, on one node or several, needs beyond the modules:
 * the engine's schema created and converted by Flyway (utf8mb4 on MySQL/MariaDB), the engine
 * started only after Flyway, and logging that tells an operator what to act on (failures the
 * engine retries as one WARN line, jobs out of retries as ERROR). Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {"common"})
package com.hongda.cms.platform;

import org.springframework.modulith.ApplicationModule;
