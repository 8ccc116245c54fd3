package parc.orchestrator.system.database;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where Parc's database is ({@code parc.db.*}). With no URL, Parc starts its own embedded
 * PostgreSQL in the data folder; with a URL, it uses that server and starts nothing.
 *
 * @param url JDBC URL of an external PostgreSQL, or blank for the embedded one
 * @param username user for the external database
 * @param password password for the external database
 * @param embeddedPort TCP port of the embedded server on 127.0.0.1; 0 picks a free one at
 * each start
 * @param maximumPoolSize connections Parc, Camunda's job executor and Quartz share
 * @param embeddedSettings PostgreSQL settings for the embedded server
 * ({@code parc.db.embedded-settings.work_mem=16MB}), on top of Parc's own; those that
 * keep it durable and on the loopback cannot be changed
 * @param connectionTimeout how long a thread waits for a connection before it gives up:
 * short, so that with PostgreSQL gone a request is answered 503 within seconds and a
 * shutdown is not held by threads waiting for connections that cannot come
 */
@ConfigurationProperties("parc.db")
public record ParcDatabaseProperties(String url, String username, String password, int embeddedPort,
		Integer maximumPoolSize, Map<String, String> embeddedSettings, Duration connectionTimeout) {

	public ParcDatabaseProperties {
		if (maximumPoolSize == null) {
			maximumPoolSize = 40;
		}
		if (connectionTimeout == null) {
			connectionTimeout = Duration.ofSeconds(3);
		}
		embeddedSettings = (embeddedSettings != null) ? Map.copyOf(embeddedSettings) : Map.of();
	}

	public boolean external() {
		return StringUtils.hasText(this.url);
	}

}
