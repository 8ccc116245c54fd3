package parc.orchestrator.group;

import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GroupExpressionParserTest {

	private static IntPredicate meets(Integer... numbers) {
		Set<Integer> met = Set.of(numbers);
		return met::contains;
	}

	private static InvalidGroupExpressionException refused(String expression, int criteria) {
		return catchThrowableOfType(InvalidGroupExpressionException.class,
				() -> GroupExpressionParser.parse(expression, criteria));
	}

	@Test
	void shouldReadPulse2sFirstExample() {
		GroupExpression parsed = GroupExpressionParser.parse("AND(1, OR(2, 3))", 3);

		assertThat(parsed).hasToString("AND(1, OR(2, 3))");
		assertThat(parsed.matches(meets(1, 3))).isTrue();
		assertThat(parsed.matches(meets(1))).isFalse();
		assertThat(parsed.matches(meets(2, 3))).isFalse();
	}

	@Test
	void shouldReadPulse2sSecondExampleWithThreeOperands() {
		GroupExpression parsed = GroupExpressionParser.parse("OR(4, AND(2, 1), 3)", 4);

		assertThat(parsed).isEqualTo(new GroupExpression.Or(java.util.List.of(new GroupExpression.Criterion(4),
				new GroupExpression.And(
						java.util.List.of(new GroupExpression.Criterion(2), new GroupExpression.Criterion(1))),
				new GroupExpression.Criterion(3))));
		assertThat(parsed.matches(meets(1, 2))).isTrue();
		assertThat(parsed.matches(meets(2))).isFalse();
		assertThat(parsed.matches(meets(3))).isTrue();
	}

	@Test
	void shouldReadPulse2sThirdExampleWithNot() {
		GroupExpression parsed = GroupExpressionParser.parse("AND(NOT(1), 2)", 2);

		assertThat(parsed.matches(meets(2))).isTrue();
		assertThat(parsed.matches(meets(1, 2))).isFalse();
		assertThat(parsed.matches(meets())).isFalse();
	}

	@Test
	void shouldReadDeepNestingAnyCaseAndFreeSpacing() {
		GroupExpression parsed = GroupExpressionParser.parse("  or ( and(1,not( or(2 ,3 ) )) ,\tnot(4) ) ", 4);

		assertThat(parsed).hasToString("OR(AND(1, NOT(OR(2, 3))), NOT(4))");
		assertThat(parsed.matches(meets(1, 4))).isTrue();
		assertThat(parsed.matches(meets(1, 2, 4))).isFalse();
		assertThat(parsed.matches(meets(2))).isTrue();
	}

	@Test
	void shouldCombineEveryCriterionWithAndWhenThereIsNoExpression() {
		assertThat(GroupExpressionParser.parse(null, 3)).hasToString("AND(1, 2, 3)");
		assertThat(GroupExpressionParser.parse("   ", 2)).hasToString("AND(1, 2)");
		assertThat(GroupExpressionParser.parse("", 1)).isEqualTo(new GroupExpression.Criterion(1));
	}

	@Test
	void shouldRefuseNotOverAList() {
		InvalidGroupExpressionException refused = refused("AND(NOT(1, 2), 3)", 3);

		assertThat(refused.position()).isEqualTo(10);
		assertThat(refused).hasMessageStartingWith("at position 10: NOT takes one operand");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			AND(1, 2                | 9  | the expression ends too early: expected ',' or ')' to go on with AND
			AND(1 2)                | 7  | expected ',' or ')' in AND, found '2'
			AND 1, 2)               | 5  | expected '(' after AND, found '1'
			XOR(1, 2)               | 1  | unknown operator 'XOR': use AND, OR or NOT
			AND()                   | 5  | AND needs at least one operand
			AND(1, )                | 8  | expected a criterion number or AND, OR, NOT, found ')'
			AND(1, 2))              | 10 | unexpected ')' after the end of the expression
			1 2                     | 3  | unexpected '2' after the end of the expression
			OR(1, -2)               | 7  | expected a criterion number or AND, OR, NOT, found '-'
			AND(1, OR(               | 11 | the expression ends too early: expected a criterion number or AND, OR, NOT
			""")
	void shouldNameThePositionAndTheReasonOfASyntaxError(String expression, int position, String reason) {
		InvalidGroupExpressionException refused = refused(expression, 3);

		assertThat(refused.reason()).isEqualTo(reason);
		assertThat(refused.position()).isEqualTo(position);
		assertThat(refused).hasMessage("at position " + position + ": " + reason);
	}

	@Test
	void shouldRefuseCriteriaThatDoNotExist() {
		InvalidGroupExpressionException four = refused("AND(1, OR(2, 4))", 3);
		assertThat(four.position()).isEqualTo(14);
		assertThat(four.reason()).isEqualTo("criterion 4 does not exist: there are 3 criteria, numbered from 1");

		assertThat(refused("OR(0, 1)", 1).reason())
			.isEqualTo("criterion 0 does not exist: there is 1 criterion, numbered from 1");
		assertThat(refused("99999999999999999999", 2).position()).isEqualTo(1);
	}

	@Test
	void shouldRefuseAGroupWithoutCriteria() {
		assertThat(refused("", 0).reason()).isEqualTo("a dynamic group needs at least one criterion");
	}

	@Test
	void shouldRefuseHostileInputWithoutExhaustingTheStack() {
		String deep = "NOT(".repeat(100) + "1" + ")".repeat(100);
		InvalidGroupExpressionException tooDeep = refused(deep, 1);
		assertThat(tooDeep.reason()).isEqualTo("the expression is nested deeper than 32 levels");
		assertThat(tooDeep.position()).isEqualTo(4 * 32 + 1);

		InvalidGroupExpressionException tooLong = refused("OR(" + "1, ".repeat(400) + "1)", 1);
		assertThat(tooLong.position()).isEqualTo(1001);
		assertThat(tooLong.reason()).isEqualTo("the expression is longer than 1000 characters");
	}

	@Test
	void shouldRefuseDigitsOfOtherScripts() {
		assertThat(refused("AND(1, \u0662)", 2).reason())
			.isEqualTo("expected a criterion number or AND, OR, NOT, found '\u0662'");
	}

}
