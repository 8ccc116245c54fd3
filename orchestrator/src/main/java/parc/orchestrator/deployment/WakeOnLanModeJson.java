package parc.orchestrator.deployment;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Reads {@code wol} as the checkbox ({@code true}/{@code false}) or as a mode
 * name, so that simple clients and the console's choice both work.
 */
public final class WakeOnLanModeJson extends JsonDeserializer<WakeOnLanMode> {

	@Override
	public WakeOnLanMode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_TRUE) {
			return WakeOnLanMode.BEFORE_TRANSFER;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return WakeOnLanMode.NEVER;
		}
		String text = parser.getValueAsString();
		try {
			return WakeOnLanMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw InvalidFormatException.from(parser,
					"wol must be true, false, NEVER, BEFORE_TRANSFER or IF_UNREACHABLE", text, WakeOnLanMode.class);
		}
	}

}
