package parc.orchestrator.machine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A host name (RFC 1123) or an IPv4/IPv6 address, without port or prefix. Null and blank
 * are left to other rules.
 */
@Documented
@Constraint(validatedBy = NetworkAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NetworkAddress {

	String message() default "{parc.validation.networkAddress}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
