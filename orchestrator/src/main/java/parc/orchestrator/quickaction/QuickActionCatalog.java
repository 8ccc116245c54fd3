package parc.orchestrator.quickaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import parc.orchestrator.system.ParcProperties;

/**
 * The predefined quick actions, read from {@code <data>/quick-actions.yml}. The file is
 * written with examples at first start and read again whenever it changes, so an
 * administrator's edit applies without a restart. A file that does not read keeps the
 * last good catalog and says why ({@link #problem()}). Thread-safe.
 */
@Component
public class QuickActionCatalog {

	static final String FILE = "quick-actions.yml";

	private static final Logger log = LoggerFactory.getLogger(QuickActionCatalog.class);

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final Path file;

	private volatile Loaded loaded = new Loaded(List.of(), null, null);

	QuickActionCatalog(ParcProperties properties) {
		this.file = properties.sharedDir().resolve(FILE);
	}

	public Path file() {
		return this.file;
	}

	public List<QuickAction> actions() {
		return refresh().actions();
	}

	public Optional<QuickAction> find(String id) {
		return actions().stream().filter((action) -> action.id().equals(id)).findFirst();
	}

	/** Why the file was not read the last time it changed, or null when it was. */
	public String problem() {
		return refresh().problem();
	}

	private synchronized Loaded refresh() {
		try {
			if (!Files.exists(this.file)) {
				writeExamples();
			}
			FileTime modified = Files.getLastModifiedTime(this.file);
			if (modified.equals(this.loaded.modified())) {
				return this.loaded;
			}
			try {
				this.loaded = new Loaded(parse(Files.readString(this.file, StandardCharsets.UTF_8)), null, modified);
			}
			catch (IllegalArgumentException | YAMLException ex) {
				log.warn("{} is not valid, keeping the previous quick actions: {}", this.file, ex.getMessage());
				this.loaded = new Loaded(this.loaded.actions(), ex.getMessage(), modified);
			}
			return this.loaded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the quick actions file " + this.file, ex);
		}
	}

	private void writeExamples() throws IOException {
		Files.createDirectories(this.file.getParent());
		try (InputStream examples = QuickActionCatalog.class.getResourceAsStream("quick-actions-examples.yml")) {
			Files.copy(examples, this.file);
		}
	}

	/**
	 * @throws IllegalArgumentException naming the action and field at fault
	 */
	@SuppressWarnings("unchecked")
	static List<QuickAction> parse(String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		Object root = new Yaml(new SafeConstructor(options)).load(yaml);
		if (!(root instanceof Map<?, ?> map) || !(map.get("actions") instanceof List<?> entries)) {
			throw new IllegalArgumentException("the file must have a list named actions");
		}
		List<QuickAction> actions = new ArrayList<>();
		for (Object entry : entries) {
			if (!(entry instanceof Map<?, ?> fields)) {
				throw new IllegalArgumentException("each action must be a map of fields");
			}
			String id = text(fields, "id");
			if (id == null || !ID.matcher(id).matches()) {
				throw new IllegalArgumentException(
						"action id " + id + " must be lower-case letters, digits and dashes");
			}
			if (actions.stream().anyMatch((action) -> action.id().equals(id))) {
				throw new IllegalArgumentException("action id " + id + " appears twice");
			}
			Map<String, String> labels = new LinkedHashMap<>();
			Object label = fields.get("label");
			if (label instanceof Map<?, ?> byLanguage) {
				byLanguage.forEach((language, value) -> labels.put(String.valueOf(language), String.valueOf(value)));
			}
			else if (label != null) {
				labels.put("en", String.valueOf(label));
			}
			List<String> parameters = new ArrayList<>();
			if (fields.get("parameters") instanceof List<?> names) {
				names.forEach((name) -> parameters.add(String.valueOf(name)));
			}
			String unix = text(fields, "unix");
			String windows = text(fields, "windows");
			if (unix == null && windows == null) {
				throw new IllegalArgumentException("action " + id + " needs a unix or a windows script");
			}
			int limit = (fields.get("timeLimitSeconds") instanceof Number number) ? number.intValue() : 120;
			if (limit < 1 || limit > 3600) {
				throw new IllegalArgumentException("action " + id + ": timeLimitSeconds must be 1 to 3600");
			}
			actions.add(new QuickAction(id, labels, parameters, unix, windows, limit));
		}
		return List.copyOf(actions);
	}

	private static String text(Map<?, ?> fields, String key) {
		Object value = fields.get(key);
		return (value != null && !String.valueOf(value).isBlank()) ? String.valueOf(value) : null;
	}

	private record Loaded(List<QuickAction> actions, String problem, FileTime modified) {

	}

}
