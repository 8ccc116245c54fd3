package parc.orchestrator.machine;

import inet.ipaddr.HostName;
import inet.ipaddr.HostNameParameters;
import inet.ipaddr.IPAddress;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Delegates the grammar to the ipaddress library's {@link HostName} parser. */
public class NetworkAddressValidator implements ConstraintValidator<NetworkAddress, String> {

	private static final HostNameParameters RULES = new HostNameParameters.Builder().allowPort(false)
		.allowService(false)
		.allowEmpty(false)
		.expectPort(false)
		.toParams();

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null || value.isBlank()) {
			return true;
		}
		HostName host = new HostName(value.trim(), RULES);
		if (!host.isValid()) {
			return false;
		}
		// A network (192.0.2.0/24) or a wildcard range (192.0.2.*) is not one machine's
		// address.
		IPAddress address = host.asAddress();
		return address == null || (!address.isPrefixed() && !address.isMultiple());
	}

}
