package parc.ui.system;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every JSON string read into a String refuses control characters: Jackson reports the
 * field's path, and the API's problem names it.
 */
class ControlCharacterModule extends SimpleModule {

	ControlCharacterModule() {
		super("parc-control-characters");
		addDeserializer(String.class, new RefusingStringDeserializer());
	}

	private static final class RefusingStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String value = super.deserialize(parser, context);
			if (value != null && ControlCharacters.present(value)) {
				return (String) context.reportInputMismatch(String.class, ControlCharacters.REFUSAL);
			}
			return value;
		}

	}

}
