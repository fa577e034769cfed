#!/bin/sh
# Builds the sample library's media with FFmpeg's generators: short clips with a moving picture
# and sound events, so a fresh build has something to open. Usage: make-samples.sh OUTDIR
set -eu
out=$1
mkdir -p "$out"
enc="-c:v libx264 -preset veryfast -pix_fmt yuv420p -g 50 -c:a aac -b:a 96k -ar 44100 -shortest -movflags +faststart"

make() {
    name=$1; shift
    [ -s "$out/$name" ] && return 0
    # shellcheck disable=SC2086
    ffmpeg -nostdin -v error -y "$@" $enc "$out/.$name.tmp.mp4"
    mv "$out/.$name.tmp.mp4" "$out/$name"
}

# A test pattern with a bell-like tone every two seconds.
make "test-pattern-bells.mp4" \
    -f lavfi -i "testsrc2=size=640x360:rate=25:duration=10" \
    -f lavfi -i "aevalsrc='0.6*sin(2*PI*880*t)*exp(-4*mod(t,2))*lt(mod(t,2),1)':s=44100:d=10"
# A zoom into the Mandelbrot set over a rising chirp.
make "mandelbrot-chirp.mp4" \
    -f lavfi -i "mandelbrot=size=640x360:rate=25,trim=duration=10" \
    -f lavfi -i "aevalsrc='0.4*sin(2*PI*(200+60*t)*t)':s=44100:d=10"
# Conway's life with bursts of noise, like footsteps and rain.
make "life-noise-bursts.mp4" \
    -f lavfi -i "life=size=640x360:rate=25:ratio=0.1:mold=10:life_color=#00ccff:death_color=#103040,trim=duration=10,format=yuv420p" \
    -f lavfi -i "anoisesrc=color=pink:amplitude=0.5:d=10:r=44100,volume='if(lt(mod(t,3),1.2),1,0.05)':eval=frame"
