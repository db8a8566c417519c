#include "core/library/transport.hpp"

#include "core/library/error.hpp"
#include "core/library/folder_transport.hpp"
#include "core/library/http_transport.hpp"
#include "core/library/s3_transport.hpp"
#include "core/library/transport_path.hpp"

namespace lcs::library {

std::unique_ptr<Transport> open_transport(const std::string &location, const TransportOptions &options)
{
	const std::string scheme = detail::url_scheme(location);
	if (scheme.empty() || scheme == "file")
		return open_folder_transport(location);
	if (scheme == "http" || scheme == "https")
		return open_http_transport(location, options);
	if (scheme == "s3")
		return open_s3_transport(location, options);
	throw Error(ErrorKind::Input, location + ": unknown kind of library location \"" + scheme +
					      "://\"; use a folder, file://, http(s):// or s3://bucket/prefix");
}

} // namespace lcs::library
