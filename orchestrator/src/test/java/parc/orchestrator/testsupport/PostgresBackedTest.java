package parc.orchestrator.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot test on real PostgreSQL: the same embedded server the application starts
 * by default, in a fresh folder under {@code target/test-data/}, with Flyway, Camunda and
 * Quartz as in production. Camunda's job executor is off unless a test turns it on, so
 * tests drive jobs themselves. Spring's context cache keeps one server per distinct
 * configuration for the whole JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
// A random HTTPS port for the deployment server: cached contexts live side by side. So do
// their Quartz schedulers,
// whose data source Quartz registers JVM-wide under the scheduler's name: one name each,
// or a scheduler would use
// another context's pool, closed with it.
@TestPropertySource(properties = { "parc.data-dir=target/test-data/${random.uuid}", "parc.deploy-server.https-port=0",
		"spring.quartz.scheduler-name=parc-${random.uuid}" })
public @interface PostgresBackedTest {

	/**
	 * Replaces the defaults as a whole: a test that wants the job executor or Quartz
	 * running lists its own properties. (Properties of {@code @TestPropertySource} would
	 * win over these, hence their place here.)
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" };

	@AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

}
