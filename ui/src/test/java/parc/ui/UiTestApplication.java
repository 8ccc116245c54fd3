package parc.ui;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boot configuration for the console's MVC slice tests; the orchestrator's services are
 * mocked in each test.
 */
@SpringBootApplication
public class UiTestApplication {

}
