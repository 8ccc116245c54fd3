package parc.orchestrator.system.settings;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes one JSON document of settings per area ({@code inventory},
 * {@code agent}). Reads are cached for a few seconds: the agent endpoint consults its
 * settings on every request, and another node's change is seen after at most that delay.
 * A document that no longer reads as its type (a setting renamed by an upgrade) gives the
 * defaults rather than stopping the server. Thread-safe.
 */
@Component
public class ServerSettingsStore {

	private static final Duration CACHE_TIME = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ServerSettingsStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public <T> T get(String area, Class<T> type, T defaults) {
		Cached cached = this.cache.get(area);
		if (cached != null && cached.type == type && System.nanoTime() - cached.readAt < CACHE_TIME.toNanos()) {
			return type.cast(cached.value);
		}
		T value = this.jdbc.sql("select value::text from server_setting where area = ?")
			.param(area)
			.query(String.class)
			.optional()
			.map((text) -> read(text, type, defaults))
			.orElse(defaults);
		this.cache.put(area, new Cached(type, value, System.nanoTime()));
		return value;
	}

	public <T> void put(String area, T value) {
		try {
			this.jdbc.sql("""
					insert into server_setting (area, value) values (?, cast(? as jsonb))
					on conflict (area) do update set value = excluded.value, updated_at = now()
					""").params(area, this.json.writeValueAsString(value)).update();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Settings of " + area + " cannot be written as JSON", ex);
		}
		this.cache.remove(area);
	}

	private <T> T read(String text, Class<T> type, T defaults) {
		try {
			return this.json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			return defaults;
		}
	}

	private record Cached(Class<?> type, Object value, long readAt) {
	}

}
