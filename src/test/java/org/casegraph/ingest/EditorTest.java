package org.casegraph.ingest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The application on a random port with the seed data and one editor's API key
 * ({@code test-editor-key}), as the review queue's users reach it. Test classes with this
 * annotation share one application context (and its staging folder), so each stages
 * documents and imports of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.api-keys[0].name=test-editor",
                "casegraph.api-keys[0].sha256=c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889",
                "casegraph.api-keys[0].role=editor" })
public @interface EditorTest {

}
