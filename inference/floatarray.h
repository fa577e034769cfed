#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace earmark::inference {

// A dense float32 array in row-major (C) order: how features, probabilities and masks cross the
// torch-free public interface of the inference module. A value type; cheap to move.
struct FloatArray
{
    std::vector<int64_t> shape;
    std::vector<float> data; // product(shape) values

    FloatArray() = default;
    explicit FloatArray(std::vector<int64_t> dims)
        : shape(std::move(dims))
        , data(size_t(elementCount(shape)), 0.f)
    {}

    static int64_t elementCount(const std::vector<int64_t> &dims)
    {
        int64_t n = 1;
        for (int64_t d : dims)
            n *= d;
        return n;
    }
    int64_t numel() const { return int64_t(data.size()); }
    int64_t dim(int i) const { return shape.at(size_t(i)); }
    int rank() const { return int(shape.size()); }
    bool isEmpty() const { return data.empty(); }
    // "[10, 128]"
    QString shapeText() const
    {
        QString s = QStringLiteral("[");
        for (size_t i = 0; i < shape.size(); ++i)
            s += (i ? QStringLiteral(", ") : QString()) + QString::number(shape[i]);
        return s + QLatin1Char(']');
    }
};

} // namespace earmark::inference
