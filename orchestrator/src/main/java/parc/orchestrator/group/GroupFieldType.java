package parc.orchestrator.group;

import java.util.List;

/**
 * What kind of values a criteria field holds, which decides the operators it takes. The
 * names are a public contract of {@code GET /api/groups/fields}.
 */
public enum GroupFieldType {

	TEXT(List.of(GroupOperator.EQUALS, GroupOperator.NOT_EQUALS, GroupOperator.CONTAINS)),

	NUMBER(List.of(GroupOperator.EQUALS, GroupOperator.NOT_EQUALS, GroupOperator.LESS, GroupOperator.GREATER,
			GroupOperator.BETWEEN)),

	/** A day, written {@code YYYY-MM-DD}. */
	DATE(List.of(GroupOperator.EQUALS, GroupOperator.NOT_EQUALS, GroupOperator.LESS, GroupOperator.GREATER,
			GroupOperator.BETWEEN)),

	/** One of a fixed list of values (OS family, channel). */
	CHOICE(List.of(GroupOperator.EQUALS, GroupOperator.NOT_EQUALS)),

	/** An IPv4 network in CIDR notation; EQUALS means "has an address in it". */
	NETWORK(List.of(GroupOperator.EQUALS, GroupOperator.NOT_EQUALS)),

	/** Another group, by id or name; EQUALS means "is a member of it". */
	GROUP(List.of(GroupOperator.EQUALS, GroupOperator.NOT_EQUALS));

	private final List<GroupOperator> operators;

	GroupFieldType(List<GroupOperator> operators) {
		this.operators = operators;
	}

	public List<GroupOperator> operators() {
		return this.operators;
	}

}
