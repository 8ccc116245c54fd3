package parc.orchestrator.machine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A 48-bit MAC address in one of the notations {@link MacAddresses#normalise(String)}
 * reads. Null is valid.
 */
@Documented
@Constraint(validatedBy = MacAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MacAddress {

	String message() default "{parc.validation.macAddress}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
