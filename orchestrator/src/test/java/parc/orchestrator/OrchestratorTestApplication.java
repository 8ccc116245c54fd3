package parc.orchestrator;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The orchestrator alone, as a Spring Boot application for its own tests. */
@SpringBootApplication
public class OrchestratorTestApplication {

}
