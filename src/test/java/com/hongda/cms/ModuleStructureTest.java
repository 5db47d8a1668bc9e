package com.hongda.cms;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One package per module, no cycles, and no module reaching into another's internals. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(CmsApplication.class, new ImportOption.DoNotIncludeTests()).verify();
    }
}
