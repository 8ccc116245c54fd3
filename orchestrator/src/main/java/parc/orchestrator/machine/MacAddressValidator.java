package parc.orchestrator.machine;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class MacAddressValidator implements ConstraintValidator<MacAddress, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || MacAddresses.normalise(value).isPresent();
	}

}
