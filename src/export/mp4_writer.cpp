#include "export/mp4_writer.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace frontline::exporting {

namespace {

// FFmpeg's libraries log to stderr unless told otherwise; frontline's stderr carries only its own
// lines. The last error line is kept, for the message of a failure that the return code alone does
// not explain ("[libx264] …").
std::mutex logMutex;
std::string lastLogLine;

void keepLastError(void* context, int level, const char* format, va_list arguments) {
    if (level > AV_LOG_ERROR) return;
    char line[512];
    int prefix = 1;
    av_log_format_line2(context, level, format, arguments, line, sizeof line, &prefix);
    std::string text(line);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    const std::lock_guard<std::mutex> lock(logMutex);
    lastLogLine = text;
}

std::string errorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

struct FormatDeleter {
    void operator()(AVFormatContext* format) const {
        if (format->pb) avio_closep(&format->pb);
        avformat_free_context(format);
    }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* codec) const { avcodec_free_context(&codec); }
};
struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct ScaleDeleter {
    void operator()(SwsContext* scale) const { sws_freeContext(scale); }
};

}  // namespace

struct Mp4Writer::Codec {
    std::unique_ptr<AVFormatContext, FormatDeleter> format;
    std::unique_ptr<AVCodecContext, CodecContextDeleter> codec;
    std::unique_ptr<AVFrame, FrameDeleter> frame;
    std::unique_ptr<AVPacket, PacketDeleter> packet;
    std::unique_ptr<SwsContext, ScaleDeleter> scale;
    AVStream* stream = nullptr;  // owned by `format`
    int width = 0, height = 0;
};

namespace {

// A write that failed on the file (disk full, file too large) is the output's problem, DataError;
// anything else is the encoder's, RenderError.
[[noreturn]] void failWriting(const std::filesystem::path& output, AVFormatContext* format, int code) {
    const int ioError = format && format->pb && format->pb->error < 0 ? format->pb->error : code;
    throw DataError(fmt::format("cannot write '{}': {}", output.string(), errorText(ioError)));
}

[[noreturn]] void failEncoding(const std::filesystem::path& output, const std::string& what, int code) {
    std::string said;
    {
        const std::lock_guard<std::mutex> lock(logMutex);
        said.swap(lastLogLine);
    }
    throw RenderError(fmt::format("encoding '{}': {}: {}{}", output.string(), what, errorText(code),
                                  said.empty() ? "" : " (" + said + ")"));
}

}  // namespace

Mp4Writer::Mp4Writer(const std::filesystem::path& output, unsigned width, unsigned height, double fps)
    : m_output(output), m_codec(std::make_unique<Codec>()) {
    if (width % 2 != 0 || height % 2 != 0)
        throw UsageError(fmt::format("an MP4 needs an even width and height, not {}x{}", width, height));
    static std::once_flag quiet;
    std::call_once(quiet, [] { av_log_set_callback(keepLastError); });

    const std::filesystem::path folder = output.has_parent_path() ? output.parent_path() : ".";
    m_temporary =
        folder / ("." + output.filename().string() + ".partial-" + std::to_string(getpid()) + ".mp4");
    Codec& c = *m_codec;
    c.width = static_cast<int>(width);
    c.height = static_cast<int>(height);

    const AVCodec* x264 = avcodec_find_encoder_by_name("libx264");
    if (!x264) throw RenderError("this libavcodec has no libx264 encoder (Debian's libavcodec59 has)");
    AVFormatContext* format = nullptr;
    int rc = avformat_alloc_output_context2(&format, nullptr, "mp4", m_temporary.c_str());
    if (rc < 0 || !format) failEncoding(output, "the MP4 muxer", rc);
    c.format.reset(format);
    c.format->flags |= AVFMT_FLAG_BITEXACT;
    c.stream = avformat_new_stream(format, nullptr);
    c.codec.reset(avcodec_alloc_context3(x264));
    c.frame.reset(av_frame_alloc());
    c.packet.reset(av_packet_alloc());
    if (!c.stream || !c.codec || !c.frame || !c.packet) failEncoding(output, "allocating", AVERROR(ENOMEM));

    // Time in frames: a frame's pts is its index.
    const AVRational rate = av_d2q(fps, 1 << 16);
    AVCodecContext* codec = c.codec.get();
    codec->width = c.width;
    codec->height = c.height;
    codec->time_base = av_inv_q(rate);
    codec->framerate = rate;
    codec->pix_fmt = AV_PIX_FMT_YUV420P;
    codec->color_range = AVCOL_RANGE_MPEG;
    codec->colorspace = AVCOL_SPC_BT709;
    codec->color_primaries = AVCOL_PRI_BT709;
    codec->color_trc = AVCOL_TRC_BT709;
    codec->flags |= AV_CODEC_FLAG_BITEXACT;
    if (format->oformat->flags & AVFMT_GLOBALHEADER) codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    // The ffmpeg binary's settings before: quality 20 at the veryfast preset.
    av_opt_set(codec->priv_data, "preset", "veryfast", 0);
    av_opt_set(codec->priv_data, "crf", "20", 0);
    rc = avcodec_open2(codec, x264, nullptr);
    if (rc < 0) failEncoding(output, "opening libx264", rc);
    rc = avcodec_parameters_from_context(c.stream->codecpar, codec);
    if (rc < 0) failEncoding(output, "the stream's parameters", rc);
    c.stream->time_base = codec->time_base;
    c.stream->avg_frame_rate = rate;

    c.frame->format = codec->pix_fmt;
    c.frame->width = c.width;
    c.frame->height = c.height;
    rc = av_frame_get_buffer(c.frame.get(), 0);
    if (rc < 0) failEncoding(output, "a frame's buffer", rc);
    c.scale.reset(sws_getContext(c.width, c.height, AV_PIX_FMT_RGBA, c.width, c.height, AV_PIX_FMT_YUV420P,
                                 SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!c.scale) failEncoding(output, "the RGBA to YUV conversion", AVERROR(EINVAL));
    // RGB to BT.709 limited range (libswscale's default would be BT.601).
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    sws_setColorspaceDetails(c.scale.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);

    rc = avio_open(&format->pb, m_temporary.c_str(), AVIO_FLAG_WRITE);
    if (rc < 0) throw DataError(fmt::format("cannot write '{}': {}", output.string(), errorText(rc)));
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    rc = avformat_write_header(format, &options);
    av_dict_free(&options);
    if (rc < 0) failWriting(output, format, rc);
}

Mp4Writer::~Mp4Writer() {
    m_codec.reset();  // closes the file first
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
}

void Mp4Writer::encode(bool flush) {
    Codec& c = *m_codec;
    int rc = avcodec_send_frame(c.codec.get(), flush ? nullptr : c.frame.get());
    if (rc < 0) failEncoding(m_output, "sending a frame", rc);
    for (;;) {
        rc = avcodec_receive_packet(c.codec.get(), c.packet.get());
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
        if (rc < 0) failEncoding(m_output, "encoding a frame", rc);
        // A frame lasts until the next; the last one frame (the muxer takes the others' from the next).
        if (c.packet->duration == 0) c.packet->duration = 1;
        av_packet_rescale_ts(c.packet.get(), c.codec->time_base, c.stream->time_base);
        c.packet->stream_index = c.stream->index;
        rc = av_interleaved_write_frame(c.format.get(), c.packet.get());  // takes the packet's data
        if (rc < 0) failWriting(m_output, c.format.get(), rc);
    }
}

void Mp4Writer::write(std::size_t index, const std::uint8_t* rgba) {
    if (m_written && index < m_next) throw std::logic_error("Mp4Writer: frames out of order");
    Codec& c = *m_codec;
    // The encoder may still hold the frame's buffers (lookahead): a fresh buffer when it does.
    int rc = av_frame_make_writable(c.frame.get());
    if (rc < 0) failEncoding(m_output, "a frame's buffer", rc);
    const std::uint8_t* planes[1] = {rgba};
    const int strides[1] = {4 * c.width};
    sws_scale(c.scale.get(), planes, strides, 0, c.height, c.frame->data, c.frame->linesize);
    c.frame->pts = static_cast<std::int64_t>(index);
    encode(false);
    m_next = index + 1;
    m_written = true;
}

void Mp4Writer::close(std::size_t frames) {
    if (!m_written) throw std::logic_error("Mp4Writer: a video of no frames");
    Codec& c = *m_codec;
    // The last frame written again at the end, so that the video lasts `frames` frames.
    if (frames > m_next) {
        int rc = av_frame_make_writable(c.frame.get());
        if (rc < 0) failEncoding(m_output, "a frame's buffer", rc);
        c.frame->pts = static_cast<std::int64_t>(frames - 1);
        encode(false);
    }
    encode(true);
    int rc = av_write_trailer(c.format.get());
    if (rc < 0) failWriting(m_output, c.format.get(), rc);
    rc = avio_closep(&c.format->pb);
    if (rc < 0) failWriting(m_output, c.format.get(), rc);
    io::commitWrittenFile(m_temporary, m_output);
}

}  // namespace frontline::exporting
