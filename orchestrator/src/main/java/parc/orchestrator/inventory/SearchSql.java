package parc.orchestrator.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import parc.orchestrator.system.sql.LikePattern;

/**
 * Builds the WHERE clause of an inventory search from its criteria, with every value a
 * bound parameter; only field and column names from the enums (and admin field keys
 * checked against their pattern) reach the SQL text.
 */
final class SearchSql {

	private static final Pattern ADMIN_KEY = Pattern.compile("admin\\.([A-Za-z][A-Za-z0-9_]{0,62})");

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new HashMap<>();

	private SearchSql() {
	}

	/**
	 * @param adminFields the admin fields by key, for {@code admin.<key>} criteria
	 * @throws InvalidSearchException naming the first criterion that cannot run
	 */
	static SearchSql of(List<SearchCriterion> criteria, Map<String, AdminField> adminFields) {
		if (criteria.size() > InventorySearch.MAX_CRITERIA) {
			throw new InvalidSearchException(InventorySearch.MAX_CRITERIA + 1,
					"a search takes at most " + InventorySearch.MAX_CRITERIA + " criteria");
		}
		SearchSql sql = new SearchSql();
		for (int i = 0; i < criteria.size(); i++) {
			sql.add(i + 1, criteria.get(i), adminFields);
		}
		return sql;
	}

	String where() {
		return this.conditions.isEmpty() ? "true" : String.join(" and ", this.conditions);
	}

	Map<String, Object> parameters() {
		return this.parameters;
	}

	private void add(int position, SearchCriterion criterion, Map<String, AdminField> adminFields) {
		java.util.regex.Matcher admin = ADMIN_KEY.matcher(criterion.field() == null ? "" : criterion.field());
		if (admin.matches()) {
			AdminField field = adminFields.get(admin.group(1));
			if (field == null) {
				throw new InvalidSearchException(position, "no administrative field " + admin.group(1));
			}
			String value = "(a.fields ->> '" + field.key() + "')";
			switch (field.type()) {
				case INTEGER, DECIMAL -> this.conditions
					.add(compare(position, "cast(" + value + " as numeric)", SearchField.Type.NUMBER, criterion));
				case DATE -> this.conditions
					.add(compare(position, "cast(" + value + " as date)", SearchField.Type.DATE, criterion));
				case TEXT -> this.conditions.add(compare(position, value, SearchField.Type.TEXT, criterion));
			}
			return;
		}
		SearchField field = SearchField.byKey(criterion.field())
			.orElseThrow(() -> new InvalidSearchException(position, "unknown field '" + criterion.field() + "'"));
		if (field.rowTable() == null) {
			String column = (field.type() == SearchField.Type.DATE) ? "cast(" + field.column() + " as date)"
					: field.column();
			this.conditions.add(compare(position, column, field.type(), criterion));
			return;
		}
		if (criterion.operator() != SearchOperator.EQUAL && criterion.operator() != SearchOperator.DIFFERENT) {
			throw new InvalidSearchException(position, field.key() + " takes only EQUAL or DIFFERENT");
		}
		SearchCriterion asEqual = new SearchCriterion(criterion.field(), SearchOperator.EQUAL, criterion.value(),
				criterion.secondValue());
		String alias = field.rowTable().substring(field.rowTable().length() - 1);
		String exists = "exists (select 1 from " + field.rowTable() + " where " + alias + ".machine_id = m.id and "
				+ compare(position, field.column(), field.type(), asEqual) + ")";
		this.conditions.add((criterion.operator() == SearchOperator.DIFFERENT) ? "not " + exists : exists);
	}

	private String compare(int position, String column, SearchField.Type type, SearchCriterion criterion) {
		String first = "p" + position + "a";
		String second = "p" + position + "b";
		SearchOperator operator = criterion.operator();
		if (type == SearchField.Type.TEXT) {
			return text(position, column, criterion, first);
		}
		if (criterion.value().isEmpty() && (operator == SearchOperator.EQUAL || operator == SearchOperator.DIFFERENT)) {
			return (operator == SearchOperator.EQUAL) ? column + " is null" : column + " is not null";
		}
		this.parameters.put(first, value(position, type, criterion.value()));
		if (operator == SearchOperator.BETWEEN || operator == SearchOperator.OUTSIDE) {
			if (criterion.secondValue().isEmpty()) {
				throw new InvalidSearchException(position, operator + " needs a second value");
			}
			this.parameters.put(second, value(position, type, criterion.secondValue()));
		}
		return switch (operator) {
			case EQUAL -> column + " = :" + first;
			case DIFFERENT -> "(" + column + " is null or " + column + " <> :" + first + ")";
			case LESS -> column + " < :" + first;
			case GREATER -> column + " > :" + first;
			case BETWEEN -> column + " between :" + first + " and :" + second;
			case OUTSIDE -> "(" + column + " < :" + first + " or " + column + " > :" + second + ")";
		};
	}

	/**
	 * Case-insensitive; {@code *} matches anything, LIKE's own {@code %} and {@code _}
	 * are taken literally; an empty value means "not set".
	 */
	private String text(int position, String column, SearchCriterion criterion, String parameter) {
		SearchOperator operator = criterion.operator();
		if (operator != SearchOperator.EQUAL && operator != SearchOperator.DIFFERENT) {
			throw new InvalidSearchException(position, "a text field takes only EQUAL or DIFFERENT");
		}
		String condition;
		if (criterion.value().isEmpty()) {
			condition = "coalesce(" + column + ", '') = ''";
		}
		else if (criterion.value().contains("*")) {
			String like = LikePattern.withStars(criterion.value());
			this.parameters.put(parameter, like);
			condition = column + " ilike :" + parameter + " escape '\\'";
		}
		else {
			this.parameters.put(parameter, criterion.value());
			condition = "lower(" + column + ") = lower(:" + parameter + ")";
		}
		return (operator == SearchOperator.EQUAL) ? condition : "not coalesce(" + condition + ", false)";
	}

	private static Object value(int position, SearchField.Type type, String text) {
		try {
			return switch (type) {
				case NUMBER -> new BigDecimal(text.replace(',', '.'));
				case DATE -> java.sql.Date.valueOf(LocalDate.parse(text));
				case TEXT -> text;
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InvalidSearchException(position,
					"'" + text + "' is not a " + ((type == SearchField.Type.DATE) ? "date (YYYY-MM-DD)" : "number"));
		}
	}

}
