package parc.ui.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests refused before any controller is chosen: a body type the operation does not
 * take (415), an answer type it cannot give (406), a method it does not serve (405), a
 * multipart body that does not parse (400; the servlet reads it before choosing). With no
 * controller chosen, {@link ApiProblemAdvice} (which only speaks for REST controllers) is
 * never asked, so this one speaks for every request, last, with the same problem
 * documents.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestMismatchAdvice {

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail unsupportedBody(HttpMediaTypeNotSupportedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"This operation takes " + ex.getSupportedMediaTypes() + ", not " + ex.getContentType());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ProblemDetail unacceptableAnswer(HttpMediaTypeNotAcceptableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE,
				"This operation answers " + ex.getSupportedMediaTypes() + ": accept one of them");
	}

	/**
	 * Over the servlet's upload limits ({@code spring.servlet.multipart.*}), also raised
	 * before a controller is chosen: too large, not unreadable.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is larger than Parc takes"
				+ ((ex.getMaxUploadSize() > 0) ? " (" + ex.getMaxUploadSize() + " bytes)" : ""));
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart body cannot be read: send the files as multipart/form-data");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail unsupportedMethod(HttpRequestMethodNotSupportedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
				"This address does not take " + ex.getMethod() + "; it takes " + ex.getSupportedHttpMethods());
	}

}
