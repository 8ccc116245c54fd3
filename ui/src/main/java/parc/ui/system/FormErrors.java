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

	public static void reject(ConstraintViolationException ex, BindingResult result) {
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String[] nodes = violation.getPropertyPath().toString().split("\\.");
			result.rejectValue(nodes[nodes.length - 1], "", violation.getMessage());
		}
	}

}
