package com.hongda.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import example.violation.ViolatingApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * One package per module, no cycles, no module reaching into another's internals, and every module
 * depending only on the modules its package-info declares ({@code @ApplicationModule(allowedDependencies)}):
 * process families may use common, security, workflow (the process kit) and manager, never each other.
 */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(CmsApplication.class, new ImportOption.DoNotIncludeTests());

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void aFamilyImportingAnotherFamilyIsCaught() {
        assertThatThrownBy(() -> ApplicationModules.of(ViolatingApplication.class, location -> true).verify())
                .hasMessageContaining("familyb").hasMessageContaining("familya");
    }

    /** The module documentation (component diagrams, module canvases), in target/spring-modulith-docs. */
    @Test
    void writesTheModuleDocumentation() throws Exception {
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("components.puml");
        }
    }
}
