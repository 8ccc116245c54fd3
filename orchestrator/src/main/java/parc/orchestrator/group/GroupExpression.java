package parc.orchestrator.group;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * How a dynamic group combines its criteria, numbered from 1 in the order they are
 * listed: {@code AND(1, OR(2, 3))}. Read with {@link GroupExpressionParser}.
 */
public sealed interface GroupExpression {

	/**
	 * Whether a machine belongs, given which of the criteria it meets.
	 * @param meets whether the machine meets the criterion of that number
	 */
	boolean matches(IntPredicate meets);

	/** One criterion, by its number. */
	record Criterion(int number) implements GroupExpression {

		@Override
		public boolean matches(IntPredicate meets) {
			return meets.test(this.number);
		}

		@Override
		public String toString() {
			return String.valueOf(this.number);
		}

	}

	/** Every operand holds. */
	record And(List<GroupExpression> operands) implements GroupExpression {

		public And {
			operands = List.copyOf(operands);
		}

		@Override
		public boolean matches(IntPredicate meets) {
			return this.operands.stream().allMatch((operand) -> operand.matches(meets));
		}

		@Override
		public String toString() {
			return "AND(" + String.join(", ", this.operands.stream().map(Object::toString).toList()) + ")";
		}

	}

	/** At least one operand holds. */
	record Or(List<GroupExpression> operands) implements GroupExpression {

		public Or {
			operands = List.copyOf(operands);
		}

		@Override
		public boolean matches(IntPredicate meets) {
			return this.operands.stream().anyMatch((operand) -> operand.matches(meets));
		}

		@Override
		public String toString() {
			return "OR(" + String.join(", ", this.operands.stream().map(Object::toString).toList()) + ")";
		}

	}

	/** The operand does not hold. */
	record Not(GroupExpression operand) implements GroupExpression {

		@Override
		public boolean matches(IntPredicate meets) {
			return !this.operand.matches(meets);
		}

		@Override
		public String toString() {
			return "NOT(" + this.operand + ")";
		}

	}

}
