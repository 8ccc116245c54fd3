package parc.ui.inventory;

import java.util.Arrays;
import java.util.List;

import parc.orchestrator.inventory.AdminField;
import parc.orchestrator.inventory.AdminFieldType;
import parc.orchestrator.inventory.SearchField;
import parc.orchestrator.inventory.SearchOperator;

/**
 * A field offered by the search form and {@code GET /api/inventory/fields}.
 *
 * @param key what a criterion names ({@code software}, {@code admin.room})
 * @param label what the console shows; for built-in fields a message key
 * {@code inventory.search.field.<key>}, for admin fields the admin's label
 * @param type TEXT, NUMBER or DATE
 * @param operators the operators it takes
 */
public record SearchFieldView(String key, String label, String type, List<SearchOperator> operators) {

	private static final List<SearchOperator> TEXT = List.of(SearchOperator.EQUAL, SearchOperator.DIFFERENT);

	private static final List<SearchOperator> ALL = Arrays.asList(SearchOperator.values());

	static List<SearchFieldView> all(List<AdminField> adminFields) {
		List<SearchFieldView> fields = new java.util.ArrayList<>(Arrays.stream(SearchField.values())
			.map((field) -> new SearchFieldView(field.key(), null, field.type().name(),
					(field.type() == SearchField.Type.TEXT) ? TEXT : ALL))
			.toList());
		for (AdminField field : adminFields) {
			String type = switch (field.type()) {
				case INTEGER, DECIMAL -> "NUMBER";
				case DATE -> "DATE";
				case TEXT -> "TEXT";
			};
			fields.add(new SearchFieldView("admin." + field.key(), field.label(), type,
					(field.type() == AdminFieldType.TEXT) ? TEXT : ALL));
		}
		return fields;
	}

}
