package parc.orchestrator.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTest {

	@Test
	void shouldEscapeTheCharactersCopyReservesAndWriteNullAsBackslashN() {
		StringBuilder out = new StringBuilder();

		CopyText.row(out, "7", "tab\there", null, "back\\slash", "line\nbreak\r");

		assertThat(out).hasToString("7\ttab\\there\t\\N\tback\\\\slash\tline\\nbreak\\r\n");
	}

}
