package parc.processes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orchestrator and the processes, without console or routes: what process tests need.
 */
@SpringBootApplication(scanBasePackages = { "parc.orchestrator", "parc.processes" })
public class ProcessesTestApplication {

}
