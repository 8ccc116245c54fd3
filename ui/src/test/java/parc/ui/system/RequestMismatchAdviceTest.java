package parc.ui.system;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the servlet's limits is refused before a controller is chosen, as a
 * broken multipart body is; it must say "too large" (413), not "unreadable" (400).
 */
class RequestMismatchAdviceTest {

	private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(
			RequestMismatchAdvice.class);

	@Test
	void shouldAnswerTooLargeToAnOversizedUploadAndBadRequestToABrokenOne() throws Exception {
		RequestMismatchAdvice advice = new RequestMismatchAdvice();

		ProblemDetail tooLarge = (ProblemDetail) this.handlers
			.resolveMethodByThrowable(new MaxUploadSizeExceededException(4096))
			.invoke(advice, new MaxUploadSizeExceededException(4096));
		ProblemDetail broken = (ProblemDetail) this.handlers
			.resolveMethodByThrowable(new MultipartException("Stream ended unexpectedly"))
			.invoke(advice, new MultipartException("Stream ended unexpectedly"));

		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(tooLarge.getDetail()).contains("4096 bytes");
		assertThat(broken.getStatus()).isEqualTo(400);
	}

}
