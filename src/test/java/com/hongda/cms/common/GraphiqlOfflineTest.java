package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * GraphiQL works without internet: its page ({@code graphiql/index.html}, which takes the place of
 * Spring for GraphQL's CDN-based one) and every script and stylesheet it references come from this
 * service, over the same HTTP Basic login as the API. Where GraphiQL is off (the {@code mysql}
 * profile) the page itself is not served; its assets are still checked from the packaged page.
 */
class GraphiqlOfflineTest extends IntegrationTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"");
    private static final Pattern STYLESHEET = Pattern.compile("<link\\b[^>]*\\bhref=\"([^\"]+)\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)");

    @Autowired
    Environment environment;

    @Test
    void pageAndEveryAssetItReferencesComeFromThisServer() throws IOException {
        String page = graphiqlEnabled() ? servedPage() : packagedPage();

        // Nothing on another host: no absolute URL anywhere, scripts and import maps included.
        assertThat(page).doesNotContain("://").contains("createFetcher");
        List<String> assets = references(page);
        assertThat(assets).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(asset -> assertThat(URI.create(asset).getHost()).as(asset).isNull())
                .anySatisfy(asset -> assertThat(asset).endsWith("graphiql.min.js"))
                .anySatisfy(asset -> assertThat(asset).endsWith("graphiql.min.css"));

        for (String asset : assets) {
            EntityExchangeResult<byte[]> result = get(asset);
            assertThat(result.getStatus()).as(asset).isEqualTo(HttpStatus.OK);
            assertThat(result.getResponseBody()).as(asset).isNotEmpty();
            if (asset.endsWith(".css")) {
                // Fonts and images of the stylesheet are inlined, not fetched from elsewhere.
                Matcher url = CSS_URL.matcher(new String(result.getResponseBody(), StandardCharsets.UTF_8));
                while (url.find()) {
                    assertThat(url.group(1)).as(asset).startsWith("data:");
                }
            }
        }
    }

    @Test
    void assetsNeedTheLoginLikeEverythingElse() {
        server("/webjars/graphiql/graphiql.min.js").build().get().exchange().expectStatus().isUnauthorized();
    }

    /** Spring redirects {@code /graphiql} to the page with the endpoint in {@code ?path=}. */
    private String servedPage() {
        EntityExchangeResult<byte[]> redirect = get("/graphiql");
        assertThat(redirect.getStatus().is3xxRedirection()).isTrue();
        URI location = redirect.getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        // The WebSocket path of the live inbox is offered too; the page here sends every operation over HTTP.
        assertThat(location.getQuery()).isEqualTo("path=/graphql&wsPath=/graphql-ws");
        EntityExchangeResult<byte[]> page = get(location.getRawPath() + "?" + location.getRawQuery());
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        return new String(page.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static String packagedPage() throws IOException {
        return new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> references(String page) {
        List<String> references = new ArrayList<>();
        for (Pattern pattern : List.of(SCRIPT, STYLESHEET)) {
            Matcher matcher = pattern.matcher(page);
            while (matcher.find()) {
                references.add(matcher.group(1));
            }
        }
        return references;
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return server(path)
                // The GraphiQL bundle is about 1 MB, more than the client buffers by default.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build().get()
                .headers(h -> h.setBasicAuth(Fixtures.ADMIN, Fixtures.PASSWORD))
                .exchange().expectBody().returnResult();
    }

    private boolean graphiqlEnabled() {
        return environment.getProperty("spring.graphql.graphiql.enabled", Boolean.class, false);
    }
}
