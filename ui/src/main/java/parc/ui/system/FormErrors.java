package parc.ui.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.springframework.validation.BindingResult;

/**
 * Puts a service's validation refusals on the form fields they name: the last node of
 * each property path ({@code create.draft.label} is the form's {@code label}).
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** The longest refused value quoted back whole; longer ones are cut. */
	static final int QUOTED_LENGTH = 40;

	/**
	 * A refused value worth showing beside its message (which of ten MAC addresses is
	 * wrong): nothing for an empty one, the start of a long one.
	 */
	public static String quoted(Object invalidValue) {
		if (!(invalidValue instanceof CharSequence) || invalidValue.toString().isBlank()) {
			return "";
		}
		String text = invalidValue.toString().strip();
		return " (" + ((text.length() > QUOTED_LENGTH) ? text.substring(0, QUOTED_LENGTH - 1) + "…" : text) + ")";
	}

	/**
	 * One line for a form without a binding result: each refused field and why, in the
	 * reader's language.
	 */
	public static String describe(ConstraintViolationException ex) {
		return ex.getConstraintViolations().stream().map((violation) -> {
			String[] nodes = violation.getPropertyPath().toString().split("\\.");
			return nodes[nodes.length - 1] + ": " + violation.getMessage();
		}).sorted().reduce((a, b) -> a + "; " + b).orElse(ex.getMessage());
	}

	public static void reject(ConstraintViolationException ex, BindingResult result) {
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String[] nodes = violation.getPropertyPath().toString().split("\\.");
			result.rejectValue(nodes[nodes.length - 1], "", violation.getMessage());
		}
	}

}
