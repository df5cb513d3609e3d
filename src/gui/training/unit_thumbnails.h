// "What each unit learned": for a network with two inputs, a small picture on
// the Network canvas beside every neuron of its activation z over the input
// plane (red high, blue low, scaled per unit), at the Training tab's slider
// epoch. The pictures are child items of the canvas's neuron items, so they
// move with them and vanish when the canvas is rebuilt; the values come from
// the heat-map worker (core activationsBatch).
#pragma once

#include "compute/heatmap_worker.h"

#include <Eigen/Dense>
#include <QImage>
#include <vector>

namespace bpl::gui {

class NetworkScene;

// The picture of one unit: `values` over the grid (row 0 of the image is the top).
QImage unitThumbnail(const Eigen::RowVectorXd& values, const compute::PlaneGrid& grid);
// Puts a thumbnail beside every neuron of layers 1 … L (replacing old ones).
void showUnitThumbnails(NetworkScene* scene, const std::vector<Eigen::MatrixXd>& activations,
                        const compute::PlaneGrid& grid);
void clearUnitThumbnails(NetworkScene* scene);
// How many thumbnails the scene shows (tests).
int unitThumbnailCount(const NetworkScene* scene);

} // namespace bpl::gui
