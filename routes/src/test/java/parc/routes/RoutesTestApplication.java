package parc.routes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The routes on top of the orchestrator, without console or processes, for route tests.
 */
@SpringBootApplication(scanBasePackages = { "parc.routes", "parc.orchestrator" })
public class RoutesTestApplication {

}
