#!/usr/bin/env bash
# Generates the demo catalogue's sample lesson videos under public/media/, from free tools only.
#
# Each video is a lecture-like "slide" (a gradient background with the course title, the lesson
# title and a few bullet points in Chinese, drawn with Noto Sans CJK SC by ffmpeg's drawtext) and a
# spoken Mandarin narration synthesised by eSpeak NG (voice `cmn-latn-pinyin`, see VOICE below).
# They are demo material only: the slide says so, and the voice is plainly synthetic.
#
# Needs (Debian 12 package names):
#   apt-get install -y ffmpeg espeak-ng fonts-noto-cjk
# (ffmpeg provides ffmpeg and ffprobe, built with libx264, libvpx, libopus and libfreetype;
#  fonts-noto-cjk pulls in fontconfig, whose fc-match finds the font by name.)
#
# Produces, in public/media/:
#   <name>.mp4                 lesson videos, 40-60 s: H.264 main, yuv420p, 854x480, 5 fps, high CRF
#                              (the picture is static), AAC mono 24 kb/s, +faststart
#   quick-start.mp4            a ~10 s lesson for the short course and the end-to-end tests
#   hls/accounting-law/        the accounting-law lesson again as HLS: index.m3u8 + ~4 s .ts segments
#                              (remuxed from its MP4, which is encoded with a key frame every 4 s)
#   ethics-code.webm           the ethics lesson again as WebM (VP9 + Opus)
#   manifest.json              every file above with its real duration (ffprobe, in seconds rounded
#                              up to an integer) and size. prisma/seed/courses.ts repeats those
#                              durations as literals, and tests/unit/demo-catalogue.test.ts checks
#                              that the two agree.
#
# Usage: scripts/media/make-sample-videos.sh [--force]
# Idempotent: an output that already exists is kept (so a re-run changes nothing) unless --force
# is given; the manifest is rewritten from the files on disk every time, and every file is checked
# (both streams present, decodes without error). Encodes are bit-exact flagged (no encoder version
# or creation time in the files), so the same tool versions give the same bytes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT=public/media
FORCE=0
case "${1:-}" in
  --force) FORCE=1 ;;
  "") ;;
  *)
    echo "usage: $0 [--force]" >&2
    exit 2
    ;;
esac

for tool in ffmpeg ffprobe espeak-ng fc-match; do
  if ! command -v "$tool" >/dev/null; then
    echo "missing $tool: apt-get install -y ffmpeg espeak-ng fonts-noto-cjk" >&2
    exit 1
  fi
done
if ! espeak-ng --voices=cmn | grep -q ' cmn '; then
  echo "espeak-ng has no Mandarin (cmn) voice" >&2
  exit 1
fi
# drawtext finds the font through fontconfig. Its `font` option is taken as a family name only (a
# ":style=Bold" there is part of the name and silently falls back to DejaVu, which has no Chinese
# glyphs), so the family goes in `font` and the style in `fontfile`, which drawtext parses as a
# fontconfig pattern when it is not a file. Through fontconfig the SC face of the .ttc collection
# is used (a plain fontfile path would pick face 0, the Japanese glyph variants).
# render_slide also checks, from ffmpeg's log, which font file was really used.
FONT_FAMILY="Noto Sans CJK SC"
if [[ "$(fc-match -f '%{family}' "$FONT_FAMILY:style=Bold")" != *"$FONT_FAMILY"* ]]; then
  echo "font '$FONT_FAMILY' not found: apt-get install -y fonts-noto-cjk" >&2
  exit 1
fi

mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

W=854
H=480
FPS=5
LEAD_IN=0.8 # seconds of silence before the narration
TAIL=1.2    # and after it
# eSpeak NG 1.51 (Debian 12) has two Mandarin voices. `cmn` reads Latin letters as English, and
# its dictionary gives many two-character words as tone-numbered pinyin, which that voice then
# spells out in English ("会计" comes out as "hui four ji four"). `cmn-latn-pinyin` reads the same
# entries, and any pinyin in the text, as Mandarin.
VOICE=cmn-latn-pinyin
SPEED=150 # words per minute: about 3 syllables a second

# Words the dictionary reads with the wrong pronunciation, given as pinyin (read as such by the
# voice above). Checked with `espeak-ng -v cmn-latn-pinyin -q -x TEXT` against every narration.
declare -A PINYIN=(
  [会计]="kuai4 ji4" # not hui4 ji4
  [赡养]="shan4 yang3"
  [调整]="tiao2 zheng3"
  [协调]="xie2 tiao2"
  [处罚]="chu3 fa2"
  [处理]="chu3 li3"
  [作为]="zuo4 wei2"
  [分为]="fen1 wei2"
  [取得]="qu3 de2"
  [所得]="suo3 de2"
)

# Options that keep encoder versions and timestamps out of the files (reproducible bytes).
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

# render_slide <id> <colour0> <colour1> <course title> <lesson title> <bullets, one a line>
render_slide() {
  local id="$1" c0="$2" c1="$3"
  printf '%s' "$4" >"$WORK/$id.course.txt"
  printf '%s' "$5" >"$WORK/$id.lesson.txt"
  printf '%s' "$6" | sed 's/^/•  /' >"$WORK/$id.bullets.txt"
  printf '%s' "武汉市会计人员继续教育培训网 · 示例课件" >"$WORK/header.txt"
  printf '%s' "演示用合成课件：画面由 ffmpeg 生成，语音由 eSpeak NG 合成" >"$WORK/footer.txt"
  local bold="font='$FONT_FAMILY':fontfile='\\:style=Bold'"
  local regular="font='$FONT_FAMILY':fontfile='\\:style=Regular'"
  local text="expansion=none:fontcolor=white"
  local vf
  vf="drawbox=x=0:y=0:w=iw:h=52:color=black@0.28:t=fill"
  vf+=",drawtext=$regular:$text@0.9:fontsize=19:x=28:y=16:textfile='$WORK/header.txt'"
  vf+=",drawtext=$bold:$text:fontsize=36:x=48:y=88:textfile='$WORK/$id.course.txt'"
  vf+=",drawbox=x=48:y=146:w=96:h=5:color=0xf5b942:t=fill"
  vf+=",drawtext=$bold:expansion=none:fontcolor=0xffe6a0:fontsize=26:x=48:y=168"
  vf+=":textfile='$WORK/$id.lesson.txt'"
  vf+=",drawtext=$regular:$text:fontsize=23:line_spacing=16:x=64:y=232:textfile='$WORK/$id.bullets.txt'"
  vf+=",drawtext=$regular:$text@0.6:fontsize=14:x=28:y=h-30:textfile='$WORK/footer.txt'"
  local log
  if ! log="$(ffmpeg -nostdin -v debug -y -f lavfi \
    -i "gradients=s=${W}x${H}:c0=$c0:c1=$c1:x0=0:y0=0:x1=$W:y1=$H:n=2:speed=0.00001:r=1:d=1:seed=1" \
    -vf "$vf" -frames:v 1 "$WORK/$id.png" 2>&1)"; then
    grep -iE 'error|invalid' <<<"$log" >&2 || true
    exit 1
  fi
  # Every drawtext must have loaded the CJK font (a fallback would draw empty boxes).
  local fonts
  fonts="$(grep -o 'Using "[^"]*"' <<<"$log" | sort -u)"
  if [[ -z "$fonts" ]] || grep -qv NotoSansCJK <<<"$fonts"; then
    echo "$id: drawtext did not use Noto Sans CJK: ${fonts:-no font loaded}" >&2
    exit 1
  fi
}

# narrate <id> <text>: the narration, padded with a little silence and 3 dB below full scale (eSpeak
# peaks at 0 dBFS), as WAV; prints its duration.
narrate() {
  local id="$1" text="$2" word
  for word in "${!PINYIN[@]}"; do text="${text//"$word"/ ${PINYIN[$word]} }"; done
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$WORK/$id.raw.wav" "$text"
  local speech
  speech="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/$id.raw.wav")"
  local total
  total="$(awk -v s="$speech" -v a="$LEAD_IN" -v b="$TAIL" 'BEGIN { printf "%.3f", s + a + b }')"
  local delay_ms
  delay_ms="$(awk -v a="$LEAD_IN" 'BEGIN { printf "%d", a * 1000 }')"
  ffmpeg -nostdin -v error -y -i "$WORK/$id.raw.wav" -af "adelay=${delay_ms},apad=whole_dur=${total},volume=-3dB" \
    -ar 22050 -ac 1 "$WORK/$id.wav"
  printf '%s' "$total"
}

# encode_mp4 <id> <seconds> <key frame interval in frames>
encode_mp4() {
  local id="$1" total="$2" gop="$3"
  ffmpeg -nostdin -v error -y -loop 1 -framerate "$FPS" -i "$WORK/$id.png" -i "$WORK/$id.wav" \
    -map 0:v -map 1:a -t "$total" \
    -c:v libx264 -profile:v main -level:v 3.1 -preset veryslow -tune stillimage -crf 36 \
    -pix_fmt yuv420p -r "$FPS" -g "$gop" -keyint_min "$gop" -sc_threshold 0 \
    -c:a aac -b:a 24k -ar 22050 -ac 1 \
    "${BITEXACT[@]}" -movflags +faststart "$WORK/$id.mp4"
  mv "$WORK/$id.mp4" "$OUT/$id.mp4"
}

encode_webm() {
  local id="$1" total="$2"
  ffmpeg -nostdin -v error -y -loop 1 -framerate "$FPS" -i "$WORK/$id.png" -i "$WORK/$id.wav" \
    -map 0:v -map 1:a -t "$total" \
    -c:v libvpx-vp9 -crf 42 -b:v 0 -deadline good -cpu-used 2 -row-mt 1 -g 50 \
    -pix_fmt yuv420p -r "$FPS" \
    -c:a libopus -b:a 24k -ar 24000 -ac 1 \
    "${BITEXACT[@]}" "$WORK/$id.webm"
  mv "$WORK/$id.webm" "$OUT/$id.webm"
}

# Remuxes an MP4 (encoded with a key frame every 4 s) into HLS without re-encoding.
make_hls() {
  local id="$1" dir="$OUT/hls/$1"
  rm -rf "$WORK/hls" && mkdir -p "$WORK/hls"
  ffmpeg -nostdin -v error -y -i "$OUT/$id.mp4" -c copy "${BITEXACT[@]}" \
    -f hls -hls_time 4 -hls_playlist_type vod -hls_flags independent_segments \
    -hls_segment_filename "$WORK/hls/segment-%03d.ts" "$WORK/hls/index.m3u8"
  rm -rf "$dir" && mkdir -p "$(dirname "$dir")"
  mv "$WORK/hls" "$dir"
}

# lesson <id> <colour0> <colour1> <course> <lesson> <bullets> <narration> [formats...]
# formats: mp4 (always), hls (MP4 with 4 s key frames + HLS), webm
lesson() {
  local id="$1" c0="$2" c1="$3" course="$4" title="$5" bullets="$6" narration="$7"
  shift 7
  local want_hls=0 want_webm=0
  for f in "$@"; do
    case "$f" in
      hls) want_hls=1 ;;
      webm) want_webm=1 ;;
    esac
  done
  local need=0
  [[ $FORCE == 1 || ! -f "$OUT/$id.mp4" ]] && need=1
  [[ $want_hls == 1 && ! -f "$OUT/hls/$id/index.m3u8" ]] && need=1
  [[ $want_webm == 1 && ! -f "$OUT/$id.webm" ]] && need=1
  if [[ $need == 0 ]]; then
    echo "keep    $id"
    return
  fi
  echo "make    $id"
  render_slide "$id" "$c0" "$c1" "$course" "$title" "$bullets"
  local total
  total="$(narrate "$id" "$narration")"
  local gop=$((FPS * 10))
  [[ $want_hls == 1 ]] && gop=$((FPS * 4))
  if [[ $FORCE == 1 || ! -f "$OUT/$id.mp4" ]]; then encode_mp4 "$id" "$total" "$gop"; fi
  if [[ $want_hls == 1 && ($FORCE == 1 || ! -f "$OUT/hls/$id/index.m3u8") ]]; then make_hls "$id"; fi
  if [[ $want_webm == 1 && ($FORCE == 1 || ! -f "$OUT/$id.webm") ]]; then encode_webm "$id" "$total"; fi
}

# ---------------------------------------------------------------------------------------------
# The lessons. Narrations write numbers out in Chinese and use no Latin letters (the voice would
# read them as pinyin); PINYIN above fixes the words the dictionary gets wrong.
# ---------------------------------------------------------------------------------------------

lesson quick-start 0x0f4c81 0x2a7fc1 \
  "继续教育学习指南（快速体验）" "如何学习与取得学分" \
  $'观看课程视频，完成学习\n通过考试，取得学分\n每年不少于 90 学分' \
  "欢迎参加会计继续教育。每年须取得九十学分，学分当年有效。"

lesson ethics-code 0x7a1f2b 0xc0392b \
  "会计职业道德" "《会计人员职业道德规范》解读" \
  $'坚持诚信，守法奉公\n坚持准则，守责敬业\n坚持学习，守正创新' \
  "本讲学习会计人员职业道德规范。二零二三年一月，财政部印发了会计人员职业道德规范，这是我国首个全国性的会计人员职业道德规范。规范的核心内容是三坚三守：坚持诚信，守法奉公；坚持准则，守责敬业；坚持学习，守正创新。会计人员应当自觉抵制虚假记账和财务造假，保守工作秘密，不断提升专业能力。" \
  webm

lesson accounting-law 0x0b3d6e 0x1f6fb2 \
  "新《会计法》解读" "修法背景与主要变化" \
  $'2024 年 7 月 1 日起施行\n会计工作贯彻落实党和国家路线方针政策\n完善单位内部会计监督制度\n加大对财务造假的处罚力度' \
  "本讲介绍新修改的会计法。二零二四年六月二十八日，第十四届全国人民代表大会常务委员会第十次会议通过了关于修改会计法的决定，自二零二四年七月一日起施行。这次修改明确会计工作应当贯彻落实党和国家路线方针政策和决策部署，完善单位内部会计监督制度，并大幅提高了对伪造、变造会计凭证和会计账簿等违法行为的处罚力度。" \
  hls

lesson reform-policy 0x8c1c13 0xb8860b \
  "学习贯彻党的二十届三中全会精神" "深化财税体制改革" \
  $'进一步全面深化改革、推进中国式现代化\n健全预算制度\n健全税收制度\n优化中央和地方财政关系' \
  "本讲学习党的二十届三中全会精神。二零二四年七月，党的二十届三中全会审议通过了中共中央关于进一步全面深化改革、推进中国式现代化的决定。决定对深化财税体制改革作出部署，包括健全预算制度，健全税收制度，建立权责清晰、财力协调、区域均衡的中央和地方财政关系。会计人员应当结合本职工作，学习领会相关改革部署。"

lesson revenue-standard 0x114b3a 0x1e8a5f \
  "企业会计准则第 14 号——收入" "收入确认的五步法模型" \
  $'识别与客户订立的合同\n识别合同中的单项履约义务\n确定交易价格并分摊至各项履约义务\n在履行履约义务时确认收入' \
  "本讲学习企业会计准则第十四号收入。收入准则以控制权转移替代风险报酬转移，作为收入确认时点的判断标准。实务中可以按照五个步骤进行：第一，识别与客户订立的合同；第二，识别合同中的单项履约义务；第三，确定交易价格；第四，将交易价格分摊至各单项履约义务；第五，在履行各单项履约义务时确认收入。"

# shellcheck disable=SC1111 # the “” are Chinese quotation marks in the title, not shell quotes
lesson government-accounting 0x2c3e50 0x4a6f8f \
  "政府会计准则制度解读" "“双功能、双基础、双报告”" \
  $'双功能：财务会计与预算会计\n双基础：权责发生制与收付实现制\n双报告：政府财务报告与政府决算报告' \
  "本讲介绍政府会计准则制度的基本框架。政府会计制度自二零一九年一月一日起在各级各类行政事业单位全面施行。政府会计由预算会计和财务会计构成，两者适度分离又相互衔接。预算会计实行收付实现制，财务会计实行权责发生制。单位应当同时编制政府决算报告和政府财务报告。这就是通常所说的双功能、双基础、双报告。"

lesson internal-control 0x3d2b6b 0x6a4fb0 \
  "内部控制规范" "内部控制的五要素" \
  $'内部环境与风险评估\n控制活动\n信息与沟通\n内部监督' \
  "本讲学习企业内部控制基本规范。内部控制是由企业董事会、监事会、经理层和全体员工实施的、旨在实现控制目标的过程。基本规范提出了内部控制的五个要素，分别是内部环境、风险评估、控制活动、信息与沟通以及内部监督。行政事业单位也应当按照内部控制规范，对预算、收支、政府采购、资产、建设项目和合同等经济活动实施有效控制。"

lesson tax-law 0x5b3a0c 0xa0661d \
  "税收法规更新" "增值税法与个人所得税专项附加扣除" \
  $'增值税法自 2026 年 1 月 1 日起施行\n税率 13%、9%、6% 和零税率\n小规模纳税人征收率 3%\n三项专项附加扣除标准提高' \
  "本讲介绍近年来的税收法规更新。增值税法于二零二四年十二月二十五日通过，自二零二六年一月一日起施行，税率分为百分之十三、百分之九、百分之六和零税率四档，小规模纳税人的征收率是百分之三。个人所得税方面，自二零二三年一月一日起，三岁以下婴幼儿照护、子女教育和赡养老人三项专项附加扣除的标准都有提高。"

lesson digital-finance 0x004d61 0x00838f \
  "数字化转型与财务共享" "电子会计凭证与会计信息化" \
  $'电子凭证报销、入账、归档\n财务共享服务中心\n数据安全与电子会计档案' \
  "本讲讨论会计工作的数字化转型。根据财政部和国家档案局的有关规定，来源合法、真实的电子会计凭证与纸质会计凭证具有同等法律效力，符合条件的单位可以仅以电子形式报销、入账和归档。越来越多的企业建设财务共享服务中心，借助信息系统实现业务和财务的一体化处理。同时，会计人员还需要重视数据安全和电子会计档案的长期保存。"

lesson management-accounting 0x1b4d3e 0x4c8c4a \
  "管理会计应用指引" "预算管理与绩效管理" \
  $'战略、预算、成本、营运管理\n投融资管理与绩效管理\n全面实施预算绩效管理' \
  "本讲学习管理会计应用指引。财政部发布的管理会计基本指引和系列应用指引，涵盖战略管理、预算管理、成本管理、营运管理、投融资管理和绩效管理等领域。全面预算管理通过预算的编制、执行、调整、分析和考核，把单位的目标落实到各个部门和岗位。对行政事业单位而言，全面实施预算绩效管理，要求做到花钱必问效、无效必问责。"

# ---------------------------------------------------------------------------------------------
# Check every file and write the manifest.
# ---------------------------------------------------------------------------------------------

ceil() { awk -v d="$1" 'BEGIN { i = int(d); if (d > i) i++; print i }'; }

check() {
  local file="$1"
  local streams
  streams="$(ffprobe -v error -show_entries stream=codec_type -of csv=p=0 "$file" | grep -v '^$' | sort -u | tr '\n' ' ')"
  if [[ "$streams" != "audio video " ]]; then
    echo "$file: expected an audio and a video stream, found: $streams" >&2
    exit 1
  fi
  local errors
  errors="$(ffmpeg -nostdin -v error -i "$file" -f null - 2>&1 || true)"
  if [[ -n "$errors" ]]; then
    echo "$file does not decode cleanly: $errors" >&2
    exit 1
  fi
}

entries=()
total_bytes=0
while IFS= read -r file; do
  check "$file"
  seconds="$(ceil "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$file")")"
  if [[ "$file" == *.m3u8 ]]; then
    bytes="$(cat "$file" "$(dirname "$file")"/*.ts | wc -c)"
  else
    bytes="$(wc -c <"$file")"
  fi
  total_bytes=$((total_bytes + bytes))
  url="/${file#public/}"
  printf '%-42s %4s s %8s bytes\n' "$url" "$seconds" "$bytes"
  entries+=("$(printf '    { "url": "%s", "durationSeconds": %s, "bytes": %s }' "$url" "$seconds" "$bytes")")
done < <(find "$OUT" -type f \( -name '*.mp4' -o -name '*.webm' -o -name '*.m3u8' \) | LC_ALL=C sort)

{
  echo '{'
  echo '  "note": "Generated by scripts/media/make-sample-videos.sh: real durations (ffprobe, rounded up).",'
  echo '  "files": ['
  for i in "${!entries[@]}"; do
    if ((i + 1 < ${#entries[@]})); then echo "${entries[$i]},"; else echo "${entries[$i]}"; fi
  done
  echo '  ]'
  echo '}'
} >"$OUT/manifest.json"
echo "total   $total_bytes bytes in ${#entries[@]} files; manifest: $OUT/manifest.json"
