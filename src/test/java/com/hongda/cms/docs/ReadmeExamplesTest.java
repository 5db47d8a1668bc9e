package com.hongda.cms.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

/**
 * Every GraphQL example in the README runs against the real service as written: each operation of
 * each {@code graphql} block is sent over HTTP (as an administrator, who may call every entry point)
 * and must be a valid request that the service answers — data, or a domain answer such as NOT_FOUND
 * for a placeholder id ({@code "…"}) — never a syntax, validation or type error, never an internal
 * error. Form values named in the examples must be fields of a real form.
 */
class ReadmeExamplesTest extends IntegrationTest {

    private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Set<String> BROKEN = Set.of("SYNTAX", "INVALID_QUERY", "TYPE", "MAX_COMPLEXITY", "MAX_DEPTH");

    @Test
    void everyGraphQlExampleRunsAsWritten() throws IOException {
        List<String> operations = operations(readme());
        assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = new ArrayList<>();
        for (String operation : operations) {
            List<ResponseError> errors = new ArrayList<>();
            as(Fixtures.ADMIN).document(operation).execute().errors().satisfy(errors::addAll);
            for (ResponseError e : errors) {
                Map<String, Object> ext = e.getExtensions();
                if ("INTERNAL_ERROR".equals(String.valueOf(ext.get("classification"))) || BROKEN.contains(String.valueOf(ext.get("rule")))) {
                    problems.add(operation + "\n  -> " + e.getMessage() + " " + ext);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormValueInTheExamplesIsAFieldOfAForm() throws IOException {
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            models.filter(p -> p.toString().endsWith(".bpmn")).forEach(p -> Bpmn.readModelFromFile(p.toFile())
                    .getModelElementsByType(CamundaFormField.class).forEach(f -> fields.add(f.getCamundaId())));
        }
        Matcher keys = Pattern.compile("\\{key: \"(\\w+)\"").matcher(String.join("\n", blocks(readme())));
        List<String> used = new ArrayList<>();
        while (keys.find()) {
            used.add(keys.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(fields).containsAll(used);
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    private static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The operations of every block: top-level braces, with their {@code query}/{@code mutation} keyword; comments dropped. */
    static List<String> operations(String markdown) {
        List<String> operations = new ArrayList<>();
        for (String block : blocks(markdown)) {
            String text = block.lines().filter(l -> !l.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
            int depth = 0;
            int start = -1;
            boolean inString = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                    inString = !inString;
                }
                if (inString) {
                    continue;
                }
                if (c == '{') {
                    if (depth == 0) {
                        start = keywordStart(text, i);
                    }
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        operations.add(text.substring(start, i + 1).strip());
                    }
                }
            }
        }
        return operations;
    }

    /** Where the operation that opens at {@code brace} starts: at its keyword if one precedes it on the same line. */
    private static int keywordStart(String text, int brace) {
        int lineStart = text.lastIndexOf('\n', brace) + 1;
        String before = text.substring(lineStart, brace);
        return before.strip().isEmpty() ? brace : lineStart + before.indexOf(before.strip());
    }
}
