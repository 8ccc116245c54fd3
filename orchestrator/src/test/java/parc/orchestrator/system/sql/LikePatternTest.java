package parc.orchestrator.system.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternTest {

	@Test
	void shouldTakeLikesOwnCharactersLiterally() {
		assertThat(LikePattern.literal("50%_a\\b*")).isEqualTo("50\\%\\_a\\\\b*");
	}

	@Test
	void shouldTurnStarsIntoWildcardsOnly() {
		assertThat(LikePattern.withStars("fire*fox_%")).isEqualTo("fire%fox\\_\\%");
	}

}
