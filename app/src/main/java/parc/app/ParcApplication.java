package parc.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Parc: console, REST API, agent endpoint, Camunda engine and webapps, on one
 * database.
 */
@SpringBootApplication(scanBasePackages = "parc")
public class ParcApplication {

	public static void main(String[] args) {
		SpringApplication.run(ParcApplication.class, args);
	}

}
