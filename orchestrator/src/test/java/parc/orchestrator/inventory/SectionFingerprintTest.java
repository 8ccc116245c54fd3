package parc.orchestrator.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SectionFingerprintTest {

	@Test
	void shouldGiveEqualContentTheSameFingerprint() {
		Map<String, String> first = new LinkedHashMap<>(Map.of("name", "vim"));
		Map<String, String> second = new LinkedHashMap<>(Map.of("name", "vim"));

		assertThat(SectionFingerprint.of(List.of(first))).isEqualTo(SectionFingerprint.of(List.of(second))).hasSize(64);
	}

	@Test
	void shouldTellApartContentsThatConcatenateAlike() {
		assertThat(SectionFingerprint.of(Map.of("a", "bc"))).isNotEqualTo(SectionFingerprint.of(Map.of("ab", "c")));
		assertThat(SectionFingerprint.of(List.of(Map.of("a", "b"), Map.of("c", "d"))))
			.isNotEqualTo(SectionFingerprint.of(List.of(fields("a", "b", "c", "d"))));
		assertThat(SectionFingerprint.of(List.of("1", "23"))).isNotEqualTo(SectionFingerprint.of(List.of("12", "3")));
		assertThat(SectionFingerprint.of(List.of(new AccountValue("TAG", "A"), new AccountValue("B", ""))))
			.isNotEqualTo(SectionFingerprint.of(List.of(new AccountValue("TAG", ""), new AccountValue("AB", ""))));
		assertThat(SectionFingerprint.of(fields("name", null))).isNotEqualTo(SectionFingerprint.of(fields("name", "")));
	}

	@Test
	void shouldSeeOneCharacterChangeAndOrder() {
		assertThat(SectionFingerprint.of(Map.of("version", "3.134")))
			.isNotEqualTo(SectionFingerprint.of(Map.of("version", "3.135")));
		assertThat(SectionFingerprint.of(List.of("1", "2"))).isNotEqualTo(SectionFingerprint.of(List.of("2", "1")));
	}

	@Test
	void shouldTellNonAsciiTextsApartFromTheirAsciiLookalikes() {
		assertThat(SectionFingerprint.of(Map.of("publisher", "Société")))
			.isNotEqualTo(SectionFingerprint.of(Map.of("publisher", "Soci\u00c3\u00a9t\u00c3\u00a9")))
			.isEqualTo(SectionFingerprint.of(Map.of("publisher", "Soci\u00e9t\u00e9")));
	}

	@Test
	void shouldRefuseWhatIsNotASection() {
		assertThatIllegalArgumentException().isThrownBy(() -> SectionFingerprint.of("text"));
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

}
