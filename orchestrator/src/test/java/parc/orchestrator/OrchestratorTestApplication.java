package parc.orchestrator;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orchestrator alone, as a Spring Boot application for its own tests. The ports that
 * {@code routes} implements come from
 * {@link parc.orchestrator.testsupport.StandInPortsAutoConfiguration} here.
 */
@SpringBootApplication
public class OrchestratorTestApplication {

}
