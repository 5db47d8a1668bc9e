package com.hongda.cms.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pictures of the models in {@code docs/} are those of the models in {@code bpmn/}: an SVG per
 * BPMN model in {@code docs/diagrams/} and the decision tables in {@code docs/decisions.md}. A
 * change to a model without its picture fails here; {@code -Ddocs.write=true} rewrites them instead.
 */
class ModelDocsTest {

    private static final String REGENERATE =
            "./mvnw -B -ntp -q test -Dtest=ModelDocsTest -Ddocs.write=true, then commit docs/";
    private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
    private static final Path MODELS = ROOT.resolve("bpmn");
    private static final Path DIAGRAMS = ROOT.resolve("docs/diagrams");
    private static final Path DECISIONS = ROOT.resolve("docs/decisions.md");
    private static final boolean WRITE = Boolean.getBoolean("docs.write");

    @Test
    void everyProcessModelHasItsCurrentDiagram() throws IOException {
        List<Path> models = models(".bpmn");
        assertThat(models).isNotEmpty();
        List<String> expectedFiles = new ArrayList<>();
        for (Path model : models) {
            String svg;
            try (InputStream in = Files.newInputStream(model)) {
                svg = BpmnSvg.render(in);
            }
            String name = baseName(model) + ".svg";
            expectedFiles.add(name);
            compare(DIAGRAMS.resolve(name), svg, "bpmn/" + model.getFileName());
        }
        // No picture of a model that is gone.
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".svg")).sorted().toList()) {
                if (!expectedFiles.contains(file.getFileName().toString())) {
                    if (WRITE) {
                        Files.delete(file);
                    } else {
                        fail("docs/diagrams/" + file.getFileName() + " has no model in bpmn/; delete it, or run "
                                + REGENERATE);
                    }
                }
            }
        }
    }

    @Test
    void decisionTablesAreCurrent() throws IOException {
        List<Path> models = models(".dmn");
        assertThat(models).isNotEmpty();
        StringBuilder md = new StringBuilder("""
                # Decision tables

                The DMN decision tables in `bpmn/`, as the engine evaluates them; the rules they serve are
                described in [rules.md](rules.md). Generated from the models by `ModelDocsTest`
                (`src/test/java/com/hongda/cms/docs/`): do not edit by hand, change the model and run
                `./mvnw -B -ntp -q test -Dtest=ModelDocsTest -Ddocs.write=true`. In a rule, `–` matches any value.

                """);
        for (Path model : models) {
            md.append(DmnMarkdown.render(model.getFileName().toString(), Files.readString(model)));
        }
        compare(DECISIONS, md.toString().stripTrailing() + "\n", "the DMN models in bpmn/");
    }

    @Test
    void wrapsNamesByWordsAndKeepsLongWordsWhole() {
        assertThat(BpmnSvg.wrap("Score education, experience and performance", 84))
                .containsExactly("Score", "education,", "experience and", "performance");
        assertThat(BpmnSvg.wrap("Score education, experience and performance", 200))
                .containsExactly("Score education, experience and", "performance");
        assertThat(BpmnSvg.wrap("  ", 100)).isEmpty();
    }

    private static void compare(Path file, String expected, String source) throws IOException {
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        String relative = ROOT.relativize(file).toString();
        if (!Files.exists(file)) {
            fail(relative + " is missing (from " + source + "); generate it with " + REGENERATE);
        }
        if (!Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
            fail(relative + " does not match " + source + "; regenerate it with " + REGENERATE);
        }
    }

    private static List<Path> models(String extension) throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String baseName(Path model) {
        String name = model.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
