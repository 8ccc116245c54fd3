package parc.ui.pkg;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.pkg.IncomingFile;

/**
 * Multipart parts as the package service takes them: streamed from Spring's temporary
 * files.
 */
final class Uploads {

	private Uploads() {
	}

	static List<IncomingFile> of(List<MultipartFile> parts) {
		return (parts == null) ? List.of() : parts.stream().filter((part) -> !part.isEmpty()).map(Uploads::of).toList();
	}

	static IncomingFile of(MultipartFile part) {
		return new IncomingFile(part.getOriginalFilename(), part::getInputStream);
	}

}
