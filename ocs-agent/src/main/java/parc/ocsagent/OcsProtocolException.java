package parc.ocsagent;

import java.util.Optional;

/**
 * A request Parc refuses, with the reason an HTTP layer maps to a status code. The
 * message is safe to log and to show an administrator: it never quotes more than a short
 * prefix of the offending input.
 */
public class OcsProtocolException extends RuntimeException {

	/** Why a request was refused. */
	public enum Reason {

		/** The body, compressed or inflated, is larger than allowed (413). */
		TOO_LARGE,

		/** The body is empty, or its compression is broken or truncated (400). */
		BAD_COMPRESSION,

		/**
		 * The XML is not well formed, not UTF-8, too deep, or declares a DOCTYPE (400).
		 */
		BAD_XML,

		/**
		 * The request lacks a field its QUERY needs, or a field has the wrong form (400).
		 */
		BAD_REQUEST,

		/**
		 * The DEVICEID is missing, too long or not of the agent's
		 * {@code host-YYYY-MM-DD-hh-mm-ss} form (400).
		 */
		BAD_DEVICE_ID,

		/** The QUERY is not one the OCS protocol defines (400). */
		UNKNOWN_QUERY

	}

	private final Reason reason;

	private final String deviceId;

	public OcsProtocolException(Reason reason, String message) {
		this(reason, message, null, null);
	}

	public OcsProtocolException(Reason reason, String message, Throwable cause) {
		this(reason, message, cause, null);
	}

	private OcsProtocolException(Reason reason, String message, Throwable cause, String deviceId) {
		super(message, cause);
		this.reason = reason;
		this.deviceId = deviceId;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * The DEVICEID the refused request named, when it was readable: it links the refusal
	 * to a machine.
	 */
	public Optional<String> deviceId() {
		return Optional.ofNullable(this.deviceId);
	}

	/** The same refusal, naming the DEVICEID of the request. */
	OcsProtocolException naming(String requestDeviceId) {
		OcsProtocolException named = new OcsProtocolException(this.reason, getMessage(), getCause(), requestDeviceId);
		named.setStackTrace(getStackTrace());
		return named;
	}

}
