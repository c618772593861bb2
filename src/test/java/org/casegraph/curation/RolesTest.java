package org.casegraph.curation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The application on a random port with the seed data and one API key per reading role
 * and an editor's ({@code test-journalist-key}, {@code test-investigator-key},
 * {@code test-editor-key}; anonymous is public). Test classes with this annotation share
 * one application context, so each uses entities of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.api-keys[0].name=editor",
                "casegraph.api-keys[0].sha256=c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889",
                "casegraph.api-keys[0].role=editor", "casegraph.api-keys[1].name=journalist",
                "casegraph.api-keys[1].sha256=24bb19ee1030fa498d4ebbe80aff4642ded92331ef4c71f7cbb9747316a5d376",
                "casegraph.api-keys[1].role=journalist", "casegraph.api-keys[2].name=investigator",
                "casegraph.api-keys[2].sha256=5f29c66fec2376aa035428f0b0bee7f2d28ab6a672d64199cfa8699503728d8e",
                "casegraph.api-keys[2].role=investigator" })
public @interface RolesTest {

}
