package org.casegraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;

/**
 * The application on a random HTTP port with its own embedded database in a fresh folder,
 * loaded with the real seed data. Test classes with this annotation share one application
 * context (and so one database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}" })
@AutoConfigureGraphQlTester
public @interface CaseGraphTest {

}
