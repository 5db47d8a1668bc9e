package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/** Query documents are parsed and validated once; broken ones are never kept; answers are the same. */
class DocumentCacheTest extends IntegrationTest {

    @Autowired
    DocumentCache cache;

    @Test
    void aCleanDocumentIsKeptOnceAndAnsweredAlikeEachTime() {
        String document = "{ " + fixtures.unique("alias").replaceAll("[^A-Za-z0-9]", "") + ": me { id } }";
        int before = cache.size();
        String first = as(Fixtures.HR).document(document).execute().returnResponse().toMap().toString();
        int after = cache.size();
        String second = as(Fixtures.HR).document(document).execute().returnResponse().toMap().toString();
        assertThat(after).isIn(before + 1, DocumentCache.MAX_ENTRIES);
        assertThat(cache.size()).isEqualTo(after);
        assertThat(second).isEqualTo(first).contains(Fixtures.HR);
    }

    @Test
    void longDocumentsAreAnsweredButNotKept() {
        String padding = " ".repeat(DocumentCache.MAX_LENGTH);
        int before = cache.size();
        as(Fixtures.HR).document("{ me { id } }" + padding).execute().path("me.id").entity(String.class).isEqualTo(Fixtures.HR);
        assertThat(cache.size()).isEqualTo(before);
    }

    @Test
    void invalidDocumentsAreNotKeptAndAreRefusedEachTime() {
        String document = "{ " + fixtures.unique("nosuch").replaceAll("[^A-Za-z0-9]", "") + " }";
        int before = cache.size();
        ResponseError english = as(Fixtures.HR, "en").document(document).execute().returnResponse().getErrors().get(0);
        ResponseError chinese = as(Fixtures.HR, "zh-CN").document(document).execute().returnResponse().getErrors().get(0);
        assertThat(english.getExtensions()).containsEntry("rule", "INVALID_QUERY");
        assertThat(chinese.getExtensions()).containsEntry("rule", "INVALID_QUERY");
        assertThat(chinese.getMessage()).isEqualTo(english.getMessage()).contains("is undefined");
        assertThat(cache.size()).isEqualTo(before);
        assertThat(as(Fixtures.HR).document("{ me { id ").execute().returnResponse().getErrors()).isNotEmpty();
        assertThat(cache.size()).isEqualTo(before);
    }
}
