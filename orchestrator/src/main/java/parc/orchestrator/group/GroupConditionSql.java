package parc.orchestrator.group;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import parc.orchestrator.inventory.AdminField;
import parc.orchestrator.inventory.MachineCondition;
import parc.orchestrator.system.sql.LikePattern;

/**
 * Turns a group's membership into one SQL condition on a machine: each criterion becomes
 * a boolean, never null, and the expression combines them with and, or, not. A criterion
 * naming a query group inlines that group's condition; one naming a stored group (static
 * or result) looks up its member rows. Every value is a bound parameter; only SQL from
 * {@link GroupField} and checked admin field keys reaches the text.
 */
final class GroupConditionSql {

	/** How deep groups may name groups that name groups. */
	static final int MAX_GROUP_NESTING = 8;

	private static final String IPV4 = "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
			+ "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$";

	private final Map<String, AdminField> adminFields;

	private final LongFunction<Optional<MachineGroup>> groups;

	private final Map<String, Object> parameters = new HashMap<>();

	/**
	 * @param adminFields the administrative fields by key
	 * @param groups finds a group by id, for {@code group} criteria
	 */
	GroupConditionSql(Map<String, AdminField> adminFields, LongFunction<Optional<MachineGroup>> groups) {
		this.adminFields = adminFields;
		this.groups = groups;
	}

	/** The members of a saved group, from its rows or its criteria. */
	MachineCondition membersOf(MachineGroup group) {
		LinkedHashSet<Long> path = new LinkedHashSet<>();
		path.add(group.id());
		String sql = group.storesMembers() ? storedMembers(group.id())
				: criteria(group.criteria(), group.expression(), path);
		return new MachineCondition(sql, this.parameters);
	}

	/**
	 * The machines criteria select, for a group not saved yet or being changed.
	 * @param groupId the group being changed, so that a criterion naming it is refused,
	 * or null
	 * @throws InvalidGroupException naming the criterion's field that cannot run
	 * @throws InvalidGroupExpressionException when the expression does not read
	 */
	MachineCondition matching(List<GroupCriterion> criteria, String expression, Long groupId) {
		LinkedHashSet<Long> path = new LinkedHashSet<>();
		if (groupId != null) {
			path.add(groupId);
		}
		return new MachineCondition(criteria(criteria, expression, path), this.parameters);
	}

	private String criteria(List<GroupCriterion> criteria, String expression, LinkedHashSet<Long> path) {
		if (criteria.isEmpty()) {
			throw new InvalidGroupException("criteria", "a dynamic group needs at least one criterion");
		}
		GroupExpression combined = GroupExpressionParser.parse(expression, criteria.size());
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			conditions.add("coalesce((" + criterion(i, criteria.get(i), path) + "), false)");
		}
		return combine(combined, conditions);
	}

	private static String combine(GroupExpression expression, List<String> conditions) {
		if (expression instanceof GroupExpression.Criterion criterion) {
			return conditions.get(criterion.number() - 1);
		}
		if (expression instanceof GroupExpression.Not not) {
			return "(not " + combine(not.operand(), conditions) + ")";
		}
		boolean and = expression instanceof GroupExpression.And;
		List<GroupExpression> operands = and ? ((GroupExpression.And) expression).operands()
				: ((GroupExpression.Or) expression).operands();
		return "(" + String.join(and ? " and " : " or ",
				operands.stream().map((operand) -> combine(operand, conditions)).toList()) + ")";
	}

	private String criterion(int index, GroupCriterion criterion, LinkedHashSet<Long> path) {
		String where = "criteria[" + index + "]";
		if (criterion.field().isEmpty()) {
			throw new InvalidGroupException(where + ".field", "choose a field for criterion " + (index + 1));
		}
		if (criterion.field().startsWith(GroupFieldCatalog.ADMIN_PREFIX)) {
			String key = criterion.field().substring(GroupFieldCatalog.ADMIN_PREFIX.length());
			AdminField field = this.adminFields.get(key);
			if (field == null) {
				throw new InvalidGroupException(where + ".field", "no administrative field '" + key + "'");
			}
			GroupFieldType type = GroupFieldCatalog.typeOf(field);
			String value = "(a.fields ->> '" + field.key() + "')";
			String column = switch (type) {
				case NUMBER -> "cast(" + value + " as numeric)";
				case DATE -> "cast(" + value + " as date)";
				default -> value;
			};
			return compare(where, column, type, criterion);
		}
		GroupField field = GroupField.byKey(criterion.field())
			.orElseThrow(
					() -> new InvalidGroupException(where + ".field", "unknown field '" + criterion.field() + "'"));
		if (!field.type().operators().contains(criterion.operator())) {
			throw new InvalidGroupException(where + ".operator",
					field.key() + " takes " + field.type().operators() + ", not " + criterion.operator());
		}
		if (field == GroupField.GROUP) {
			return group(where, criterion, path);
		}
		if (field.type() == GroupFieldType.CHOICE) {
			String choice = criterion.value().toUpperCase(Locale.ROOT);
			if (!field.choices().contains(choice)) {
				throw new InvalidGroupException(where + ".value", "must be one of " + field.choices());
			}
			String parameter = parameter(choice);
			return field.column() + ((criterion.operator() == GroupOperator.EQUALS) ? " = " : " <> ") + parameter;
		}
		if (field.rows() == null) {
			return compare(where, field.column(), field.type(), criterion);
		}
		// Several values per machine: NOT_EQUALS means none of them equals.
		boolean none = criterion.operator() == GroupOperator.NOT_EQUALS;
		GroupCriterion positive = none ? new GroupCriterion(criterion.field(), GroupOperator.EQUALS, criterion.value(),
				criterion.secondValue()) : criterion;
		String exists = "exists (select 1 from (" + field.rows() + ") x where "
				+ compare(where, "x.v", field.type(), positive) + ")";
		return none ? "not " + exists : exists;
	}

	private String compare(String where, String column, GroupFieldType type, GroupCriterion criterion) {
		GroupOperator operator = criterion.operator();
		if (!type.operators().contains(operator)) {
			throw new InvalidGroupException(where + ".operator", "a " + type + " field takes " + type.operators());
		}
		return switch (type) {
			case TEXT -> text(column, criterion);
			case NETWORK -> network(where, column, criterion);
			case NUMBER, DATE -> ordered(where, column, type, criterion);
			case CHOICE, GROUP -> throw new IllegalStateException(type + " is compared by its own method");
		};
	}

	/**
	 * Ignores case; {@code *} matches anything and LIKE's own {@code %} and {@code _} are
	 * taken literally; an empty value means "not set".
	 */
	private String text(String column, GroupCriterion criterion) {
		String condition;
		if (criterion.value().isEmpty()) {
			condition = "coalesce(" + column + ", '') = ''";
		}
		else if (criterion.operator() == GroupOperator.CONTAINS || criterion.value().contains("*")) {
			String like = LikePattern.withStars(criterion.value());
			if (criterion.operator() == GroupOperator.CONTAINS) {
				like = "%" + like + "%";
			}
			condition = column + " ilike " + parameter(like) + " escape '\\'";
		}
		else {
			condition = "lower(" + column + ") = lower(" + parameter(criterion.value()) + ")";
		}
		return (criterion.operator() == GroupOperator.NOT_EQUALS) ? "not coalesce(" + condition + ", false)"
				: condition;
	}

	private String ordered(String where, String column, GroupFieldType type, GroupCriterion criterion) {
		GroupOperator operator = criterion.operator();
		if (criterion.value().isEmpty() && (operator == GroupOperator.EQUALS || operator == GroupOperator.NOT_EQUALS)) {
			return column + ((operator == GroupOperator.EQUALS) ? " is null" : " is not null");
		}
		String first = parameter(value(where + ".value", type, criterion.value()));
		return switch (operator) {
			case EQUALS -> column + " = " + first;
			case NOT_EQUALS -> "(" + column + " is null or " + column + " <> " + first + ")";
			case LESS -> column + " < " + first;
			case GREATER -> column + " > " + first;
			case BETWEEN -> {
				if (criterion.secondValue().isEmpty()) {
					throw new InvalidGroupException(where + ".secondValue",
							"BETWEEN needs a second value (or a value written low..high)");
				}
				yield column + " between " + first + " and "
						+ parameter(value(where + ".secondValue", type, criterion.secondValue()));
			}
			case CONTAINS -> throw new IllegalStateException("refused by the operator check");
		};
	}

	/**
	 * Only well-formed IPv4 text is cast: a stray value in the inventory must not fail
	 * the query.
	 */
	private String network(String where, String column, GroupCriterion criterion) {
		IPAddress network = new IPAddressString(criterion.value()).getAddress();
		if (network == null || !network.isIPv4()) {
			throw new InvalidGroupException(where + ".value",
					"'" + criterion.value() + "' is not an IPv4 network such as 192.0.2.0/24");
		}
		String cidr = network.toPrefixBlock().toCanonicalString();
		String inside = "(case when " + column + " ~ '" + IPV4 + "' then cast(" + column + " as inet) <<= cast("
				+ parameter(cidr) + " as inet) else false end)";
		return (criterion.operator() == GroupOperator.NOT_EQUALS) ? "not " + inside : inside;
	}

	private String group(String where, GroupCriterion criterion, LinkedHashSet<Long> path) {
		long id;
		try {
			id = Long.parseLong(criterion.value());
		}
		catch (NumberFormatException ex) {
			throw new InvalidGroupException(where + ".value", "'" + criterion.value() + "' is not a group id");
		}
		if (path.contains(id)) {
			throw new InvalidGroupException(where + ".value", "group " + id + " leads back to itself");
		}
		if (path.size() > MAX_GROUP_NESTING) {
			throw new InvalidGroupException(where + ".value",
					"groups name groups more than " + MAX_GROUP_NESTING + " levels deep");
		}
		MachineGroup named = this.groups.apply(id)
			.orElseThrow(() -> new InvalidGroupException(where + ".value", "no group " + id));
		String member;
		if (named.storesMembers()) {
			member = storedMembers(named.id());
		}
		else {
			LinkedHashSet<Long> deeper = new LinkedHashSet<>(path);
			deeper.add(id);
			try {
				member = criteria(named.criteria(), named.expression(), deeper);
			}
			catch (InvalidGroupException ex) {
				throw new InvalidGroupException(where + ".value",
						"group '" + named.name() + "' cannot be evaluated: " + ex.getMessage());
			}
		}
		return (criterion.operator() == GroupOperator.NOT_EQUALS) ? "not " + member : member;
	}

	private String storedMembers(long groupId) {
		return "exists (select 1 from machine_group_member gm where gm.group_id = " + parameter(groupId)
				+ " and gm.machine_id = m.id)";
	}

	private String parameter(Object value) {
		String name = "g" + this.parameters.size();
		this.parameters.put(name, value);
		return ":" + name;
	}

	private static Object value(String field, GroupFieldType type, String text) {
		try {
			return switch (type) {
				case NUMBER -> new BigDecimal(text.replace(',', '.'));
				case DATE -> java.sql.Date.valueOf(LocalDate.parse(text));
				default -> text;
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InvalidGroupException(field,
					"'" + text + "' is not a " + ((type == GroupFieldType.DATE) ? "date (YYYY-MM-DD)" : "number"));
		}
	}

}
