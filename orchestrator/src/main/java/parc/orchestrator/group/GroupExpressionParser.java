package parc.orchestrator.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Reads a dynamic group's expression in Pulse 2's prefix notation:
 * {@code AND(1, OR(2, 3))}, {@code OR(4, AND(2, 1), 3)}, {@code AND(NOT(1), 2)}.
 * Operators are {@code AND} and {@code OR} over one or more operands and {@code NOT} over
 * exactly one, in any case; operands are criterion numbers (from 1) or operators; spaces
 * are free. An empty expression means every criterion. Hand-written rather than
 * generated: the grammar is four rules, and its errors must name the position and the
 * reason in the administrator's terms.
 */
public final class GroupExpressionParser {

	/** Longer expressions are refused before reading: nobody types them by hand. */
	public static final int MAX_LENGTH = 1000;

	/** Deeper nesting is refused, so that hostile input cannot exhaust the stack. */
	public static final int MAX_DEPTH = 32;

	private final String text;

	private final int criteria;

	private int at;

	private GroupExpressionParser(String text, int criteria) {
		this.text = text;
		this.criteria = criteria;
	}

	/**
	 * @param expression the administrator's text; {@code null} or blank for the AND of
	 * every criterion
	 * @param criteria how many criteria the group has: the numbers that exist
	 * @throws InvalidGroupExpressionException with the position and the reason
	 */
	public static GroupExpression parse(String expression, int criteria) {
		if (criteria < 1) {
			throw new InvalidGroupExpressionException(1, "a dynamic group needs at least one criterion");
		}
		if (expression == null || expression.isBlank()) {
			if (criteria == 1) {
				return new GroupExpression.Criterion(1);
			}
			return new GroupExpression.And(IntStream.rangeClosed(1, criteria)
				.<GroupExpression>mapToObj(GroupExpression.Criterion::new)
				.toList());
		}
		if (expression.length() > MAX_LENGTH) {
			throw new InvalidGroupExpressionException(MAX_LENGTH + 1,
					"the expression is longer than " + MAX_LENGTH + " characters");
		}
		GroupExpressionParser parser = new GroupExpressionParser(expression, criteria);
		GroupExpression parsed = parser.operand(1);
		parser.skipSpaces();
		if (parser.at < expression.length()) {
			throw parser.error("unexpected " + parser.found() + " after the end of the expression");
		}
		return parsed;
	}

	private GroupExpression operand(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("the expression is nested deeper than " + MAX_DEPTH + " levels");
		}
		skipSpaces();
		if (this.at >= this.text.length()) {
			throw error("the expression ends too early: expected a criterion number or AND, OR, NOT");
		}
		char next = this.text.charAt(this.at);
		if (isDigit(next)) {
			return criterion();
		}
		if (Character.isLetter(next)) {
			return operator(depth);
		}
		throw error("expected a criterion number or AND, OR, NOT, found " + found());
	}

	private GroupExpression criterion() {
		int start = this.at;
		while (this.at < this.text.length() && isDigit(this.text.charAt(this.at))) {
			this.at++;
		}
		String digits = this.text.substring(start, this.at);
		int number = (digits.length() > 9) ? Integer.MAX_VALUE : Integer.parseInt(digits);
		if (number < 1 || number > this.criteria) {
			throw new InvalidGroupExpressionException(start + 1, "criterion " + digits + " does not exist: "
					+ ((this.criteria == 1) ? "there is 1 criterion" : "there are " + this.criteria + " criteria")
					+ ", numbered from 1");
		}
		return new GroupExpression.Criterion(number);
	}

	private GroupExpression operator(int depth) {
		int start = this.at;
		while (this.at < this.text.length() && Character.isLetter(this.text.charAt(this.at))) {
			this.at++;
		}
		String word = this.text.substring(start, this.at);
		String name = word.toUpperCase(Locale.ROOT);
		if (!name.equals("AND") && !name.equals("OR") && !name.equals("NOT")) {
			throw new InvalidGroupExpressionException(start + 1, "unknown operator '" + word + "': use AND, OR or NOT");
		}
		skipSpaces();
		if (this.at >= this.text.length() || this.text.charAt(this.at) != '(') {
			throw error("expected '(' after " + name + ", found " + found());
		}
		this.at++;
		skipSpaces();
		if (this.at < this.text.length() && this.text.charAt(this.at) == ')') {
			throw error(name + " needs at least one operand");
		}
		List<GroupExpression> operands = new ArrayList<>();
		operands.add(operand(depth + 1));
		while (true) {
			skipSpaces();
			if (this.at >= this.text.length()) {
				throw error("the expression ends too early: expected ',' or ')' to go on with " + name);
			}
			char next = this.text.charAt(this.at);
			if (next == ')') {
				this.at++;
				break;
			}
			if (next != ',') {
				throw error("expected ',' or ')' in " + name + ", found " + found());
			}
			if (name.equals("NOT")) {
				throw error("NOT takes one operand: write AND(NOT(1), NOT(2)) or NOT(OR(1, 2))");
			}
			this.at++;
			operands.add(operand(depth + 1));
		}
		return switch (name) {
			case "AND" -> new GroupExpression.And(operands);
			case "OR" -> new GroupExpression.Or(operands);
			default -> new GroupExpression.Not(operands.get(0));
		};
	}

	/** ASCII only: other scripts' digits are not criterion numbers. */
	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private void skipSpaces() {
		while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
			this.at++;
		}
	}

	private String found() {
		return (this.at < this.text.length()) ? "'" + this.text.charAt(this.at) + "'" : "the end";
	}

	private InvalidGroupExpressionException error(String reason) {
		return new InvalidGroupExpressionException(this.at + 1, reason);
	}

}
