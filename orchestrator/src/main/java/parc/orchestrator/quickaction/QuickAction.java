package parc.orchestrator.quickaction;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A predefined command. The JSON names are part of {@code /api/quick-actions}.
 *
 * @param id stable identifier, lower-case letters, digits and dashes
 * @param labels label by language ({@code en}, {@code fr}...)
 * @param parameters names of the values an administrator types; the script reads them as
 * {@code "$1"}, {@code "$2"}... (PowerShell: {@code $args[0]}...)
 * @param unix the script for Linux, macOS and other Unixes, or null
 * @param windows the PowerShell script for Windows, or null
 * @param timeLimitSeconds killed beyond it
 */
public record QuickAction(String id, Map<String, String> labels, List<String> parameters, String unix, String windows,
		int timeLimitSeconds) {

	public QuickAction {
		labels = Map.copyOf(labels);
		parameters = List.copyOf(parameters);
	}

	/** The label in this language, else English, else the id. */
	public String label(Locale locale) {
		String label = this.labels.get(locale.getLanguage());
		if (label == null) {
			label = this.labels.get("en");
		}
		return (label != null) ? label : this.id;
	}

}
